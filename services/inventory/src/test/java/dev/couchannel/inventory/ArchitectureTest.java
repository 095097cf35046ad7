package dev.couchannel.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain of each feature (its root package) stays free of frameworks and adapters. Every rule
 * fails when it matches no class ({@code allowEmptyShould(false)}), so a renamed package cannot
 * silently turn a rule into one that checks nothing.
 */
@AnalyzeClasses(packages = "dev.couchannel.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"dev.couchannel.inventory.catalog", "dev.couchannel.inventory.seating"};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "org.apache.kafka..", "com.google.protobuf..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule domainDoesNotKnowItsAdapters = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..web..", "..persistence..", "..messaging..", "..application..", "dev.couchannel.contracts..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersDoNotCallEachOther = noClasses()
            .that()
            .resideInAnyPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..", "..messaging..")
            .allowEmptyShould(false);
}
