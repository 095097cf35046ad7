package dev.couchannel.analytics;

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
                .importPackages("dev.couchannel.analytics");
        DomainRules.of("dev.couchannel.analytics", "figures", "survey").forEach(rule -> rule.check(classes));
    }
}
