package dev.couchannel.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture rules every service follows (STYLE.md): the root package of each feature is
 * its pure domain, free of Spring, JPA, Kafka and wire formats, and unaware of the adapters
 * ({@code web}, {@code persistence}, {@code messaging}) and use cases ({@code application}) beside
 * it. Every rule fails when it matches no class, so a renamed package cannot silently turn a rule
 * into one that checks nothing.
 */
public final class DomainRules {

    private DomainRules() {}

    /**
     * @param basePackage the service's root package, e.g. {@code dev.couchannel.booking}
     * @param features the feature packages directly below it, e.g. {@code reservation}
     */
    public static List<ArchRule> of(String basePackage, String... features) {
        String[] domain = Arrays.stream(features)
                .map(feature -> basePackage + "." + feature)
                .toArray(String[]::new);
        return List.of(
                noClasses()
                        .that()
                        .resideInAnyPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "org.springframework..",
                                "jakarta.persistence..",
                                "org.apache.kafka..",
                                "com.google.protobuf..",
                                "dev.couchannel.contracts..",
                                "dev.couchannel.platform..")
                        .as("the domain of " + basePackage + " is free of frameworks and wire formats")
                        .allowEmptyShould(false),
                noClasses()
                        .that()
                        .resideInAnyPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..application..")
                        .as("the domain of " + basePackage + " does not know its adapters")
                        .allowEmptyShould(false),
                noClasses()
                        .that()
                        .resideInAPackage(basePackage + "..web..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(basePackage + "..persistence..", basePackage + "..messaging..")
                        .as("web adapters of " + basePackage + " go through the domain and use cases")
                        .allowEmptyShould(false));
    }
}
