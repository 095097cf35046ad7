package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.audit.v1.AuditRecorded;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Admin APIs take identity's own bearer tokens: 401 without a good one, 403 without the admin role. */
class AdminApiIT extends IdentityTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiOperationIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Test
    void withoutATokenOrWithABadOneItIs401Problem() {
        HttpResponse<String> none = browser().get("/api/admin/audit");
        HttpResponse<String> garbage = browser().get("/api/admin/audit", "Authorization", "Bearer not.a.token");
        String valid = localToken("admin@example.com", null);
        String tampered =
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        HttpResponse<String> forged = browser().get("/api/admin/audit", "Authorization", "Bearer " + tampered);

        for (HttpResponse<String> response : java.util.List.of(none, garbage, forged)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void aNonAdminGets403Problem() {
        String host = localToken("host@example.com", null);

        HttpResponse<String> response = browser()
                .putJson(
                        "/api/admin/users/" + UUID.randomUUID() + "/roles",
                        "{\"roles\":[\"admin\"]}",
                        "Authorization",
                        "Bearer " + host);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anAdminChangesRolesAndTheChangeIsAudited() {
        String email = "promoted-" + UUID.randomUUID() + "@example.com";
        JWTClaimsSet before = verify(localToken(email, null));
        String admin = localToken("admin@example.com", null);

        HttpResponse<String> changed = browser()
                .putJson(
                        "/api/admin/users/" + before.getSubject() + "/roles",
                        "{\"roles\":[\"guest\",\"host\"]}",
                        "Authorization",
                        "Bearer " + admin);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("roles").toString()).isEqualTo("[\"guest\",\"host\"]");
        HttpResponse<String> audit = browser()
                .get("/api/admin/audit?type=ROLES_CHANGED&subject=" + email, "Authorization", "Bearer " + admin);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"actor\":\"admin@example.com\"").contains("\"to\":[\"guest\",\"host\"]");

        assertThat(browser()
                        .putJson(
                                "/api/admin/users/" + before.getSubject() + "/roles",
                                "{\"roles\":[\"superuser\"]}",
                                "Authorization",
                                "Bearer " + admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(browser()
                        .putJson(
                                "/api/admin/users/" + UUID.randomUUID() + "/roles",
                                "{\"roles\":[\"guest\"]}",
                                "Authorization",
                                "Bearer " + admin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser()
                        .get("/api/admin/audit?type=NOPE", "Authorization", "Bearer " + admin)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAdminListsUsersByPartOfTheirAddressAndOthersMayNot() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "listed-" + tag + "-a@example.com";
        String second = "listed-" + tag + "-b@example.com";
        verify(localToken(first, null));
        verify(localToken(second, null));
        String admin = localToken("admin@example.com", null);

        HttpResponse<String> found =
                browser().get("/api/admin/users?q=LISTED-" + tag, "Authorization", "Bearer " + admin);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        java.util.List<String> emails = new java.util.ArrayList<>();
        json(found).forEach(user -> emails.add(user.path("email").asString()));
        assertThat(emails).containsExactlyInAnyOrder(first, second);
        assertThat(json(found).get(0).path("roles").isArray()).isTrue();
        HttpResponse<String> one =
                browser().get("/api/admin/users?q=listed-" + tag + "&limit=1", "Authorization", "Bearer " + admin);
        assertThat(json(one).size()).isEqualTo(1);
        assertThat(browser()
                        .get("/api/admin/users?limit=0", "Authorization", "Bearer " + admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(browser()
                        .get("/api/admin/users", "Authorization", "Bearer " + localToken("host@example.com", null))
                        .statusCode())
                .isEqualTo(403);
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void anotherServicesAuditEventLandsInTheAuditLogOnceEvenWhenDeliveredTwice() {
        String booking = "booking:" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T18:00:00Z");
        CloudEvent event = ProtobufEvents.wrap(
                "booking",
                booking,
                AuditRecorded.newBuilder()
                        .setAction("booking.cancelled-by-admin")
                        .setActor("admin@example.com")
                        .setSubject(booking)
                        .putDetails("guest", "guest@example.com")
                        .setAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
                        .build(),
                at);
        kafka.send(KafkaCloudEvents.toRecord(Topics.AUDIT_EVENTS, event));
        kafka.send(KafkaCloudEvents.toRecord(Topics.AUDIT_EVENTS, event));
        String admin = localToken("admin@example.com", null);

        String entries = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> browser()
                                .get(
                                        "/api/admin/audit?type=BOOKING_CANCELLED_BY_ADMIN&subject=" + booking,
                                        "Authorization",
                                        "Bearer " + admin)
                                .body(),
                        body -> body.contains(booking));
        assertThat(entries).contains("\"actor\":\"admin@example.com\"").contains("\"guest\":\"guest@example.com\"");
        // the second delivery is the same event: still one entry
        assertThat(entries.split("\"subject\":\"" + booking, -1)).hasSize(2);
    }

    @Test
    void localTokensAreRealTokensForNewAndKnownAccounts() throws Exception {
        String email = "Local-" + UUID.randomUUID() + "@Example.com";

        HttpResponse<String> response = browser().postJson("/local/tokens", "{\"email\":\"" + email + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("token_type").asString()).isEqualTo("Bearer");
        assertThat(json(response).path("expires_in").asLong()).isEqualTo(900);
        JWTClaimsSet claims = verify(json(response).path("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("couchannel-api");
        assertThat(claims.getStringClaim("email")).isEqualTo(email.toLowerCase());
        assertThat(claims.getStringListClaim("roles")).containsExactly("guest");
        assertThat(claims.getStringListClaim("scope")).containsExactly("book:sessions", "read:events");

        JWTClaimsSet admin = verify(localToken("admin@example.com", null));
        assertThat(admin.getStringListClaim("scope")).containsExactly("admin", "read:events");
        assertThat(browser().postJson("/local/tokens", "{\"email\":\"nope\"}").statusCode())
                .isEqualTo(400);
        assertThat(browser()
                        .postJson("/local/tokens", "{\"email\":\"a@example.com\",\"roles\":[\"king\"]}")
                        .statusCode())
                .isEqualTo(400);
    }
}
