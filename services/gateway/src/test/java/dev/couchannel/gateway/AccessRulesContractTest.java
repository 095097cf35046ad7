package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.gateway.routing.AccessRules;
import dev.couchannel.gateway.routing.AccessRules.Requirement;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The route table's requirements and the contract's {@code security} say the same, operation by
 * operation: {@code []} for anyone; {@code bearerAuth} or {@code cookieAuth} with no scopes for
 * anyone signed in; one alternative per grant otherwise.
 */
class AccessRulesContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationOfTheContractHasTheRequirementItDeclares() throws Exception {
        JsonNode contract;
        try (InputStream in = new ClassPathResource("contracts/openapi/couchannel.yaml").getInputStream()) {
            contract = YAMLMapper.builder().build().readTree(in);
        }
        assertThat(contract.path("components").path("securitySchemes").has("bearerAuth"))
                .isTrue();
        assertThat(contract.path("components").path("securitySchemes").has("cookieAuth"))
                .isTrue();

        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
                String where = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().has("security"))
                        .as(where + " declares security")
                        .isTrue();
                Requirement declared = declared(operation.getValue().path("security"), where);
                // a concrete path, as a client would send it
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "x-1");
                assertThat(AccessRules.requirement(method, concrete)).as(where).isEqualTo(declared);
                assertThat(AccessRules.rules())
                        .as(where + " has a rule of its own")
                        .anyMatch(rule -> rule.operation()
                                && rule.path().equals(path.getKey())
                                && rule.methods().contains(method));
                checked.add(where);
            }
        }
        assertThat(checked).hasSizeGreaterThan(20).contains("post /api/bookings", "get /api/me");
        assertThat(AccessRules.rules().stream().filter(AccessRules.Rule::operation))
                .as("every operation rule is in the contract")
                .allMatch(rule -> rule.methods().stream()
                        .allMatch(method ->
                                checked.contains(method.name().toLowerCase(Locale.ROOT) + " " + rule.path())));
    }

    private static Requirement declared(JsonNode security, String where) {
        if (security.isEmpty()) {
            return AccessRules.ANYONE;
        }
        Set<String> schemes = new LinkedHashSet<>();
        Set<String> grants = new LinkedHashSet<>();
        boolean withoutGrant = false;
        for (JsonNode alternative : security) {
            for (Map.Entry<String, JsonNode> scheme : alternative.properties()) {
                schemes.add(scheme.getKey());
                if (scheme.getValue().isEmpty()) {
                    withoutGrant = true;
                }
                scheme.getValue().forEach(grant -> grants.add(grant.asString()));
            }
        }
        assertThat(schemes).as(where + " schemes").containsExactlyInAnyOrder("bearerAuth", "cookieAuth");
        assertThat(withoutGrant && !grants.isEmpty())
                .as(where + " mixes alternatives with and without scopes")
                .isFalse();
        return withoutGrant ? AccessRules.SIGNED_IN : new Requirement.AnyOf(List.copyOf(grants));
    }
}
