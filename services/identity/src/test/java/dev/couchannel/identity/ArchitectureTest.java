package dev.couchannel.identity;

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
                .importPackages("dev.couchannel.identity");
        DomainRules.of("dev.couchannel.identity", "users", "keys", "audit", "reputation")
                .forEach(rule -> rule.check(classes));
    }
}
