package dev.couchannel.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.couchannel.platform.testing.DomainRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.couchannel.payment");

    @Test
    void domainStaysPure() {
        DomainRules.of("dev.couchannel.payment", "intent", "ledger", "payout").forEach(rule -> rule.check(CLASSES));
    }

    @Test
    void onlyTheStripeAdapterAndTheWebhookCheckKnowStripe() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..payment.intent.stripe..", "..payment.intent.webhook..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.stripe..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
