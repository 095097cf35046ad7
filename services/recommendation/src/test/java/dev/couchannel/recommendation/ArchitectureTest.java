package dev.couchannel.recommendation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.couchannel.platform.testing.DomainRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainStaysPure() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.couchannel.recommendation");
        DomainRules.of("dev.couchannel.recommendation", "taste").forEach(rule -> rule.check(classes));
    }
}
