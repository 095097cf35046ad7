package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyTest extends GatewayTestSupport {

    @Test
    void forwardsAGetWithItsQueryToTheOwningService() throws Exception {
        INVENTORY.answer(exchange -> {
            exchange.getResponseHeaders().add("X-Served-By", "inventory");
            FakeService.respond(exchange, 200, "application/json", "{\"items\":[],\"total\":0}");
        });

        HttpResponse<String> response = get("/api/sessions?fixtureId=f%201&page=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"items\":[],\"total\":0}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Served-By")).hasValue("inventory");
        FakeService.Received received = INVENTORY.nextRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri()).isEqualTo("/api/sessions?fixtureId=f%201&page=2");
        assertThat(received.header("Host")).isEqualTo(INVENTORY.base().getAuthority());
        assertThat(BOOKING.receivedNothing()).isTrue();
    }

    @Test
    void routesSearchAnonymouslyAndItsReindexOnlyForAnAdmin() throws Exception {
        SEARCH.answer(exchange -> FakeService.respond(exchange, 200, "application/json", "{\"items\":[],\"total\":0}"));

        HttpResponse<String> found = get("/api/search/sessions?q=arsenal&lat=51.5&lon=-0.1");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(SEARCH.nextRequest().uri()).isEqualTo("/api/search/sessions?q=arsenal&lat=51.5&lon=-0.1");
        // an over-long query string reaches search, whose parameter check answers it (not Tomcat's 8 KB limit)
        String longText = "a".repeat(10_000);
        assertThat(get("/api/search/sessions?q=" + longText).statusCode()).isEqualTo(200);
        assertThat(SEARCH.nextRequest().uri()).isEqualTo("/api/search/sessions?q=" + longText);
        assertThat(send("/api/admin/search/reindex", request -> request.header(
                                        "Authorization", "Bearer " + Tokens.guest("guest@example.com"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(SEARCH.receivedNothing()).isTrue();
        assertThat(INVENTORY.receivedNothing()).isTrue();
    }

    @Test
    void forwardsAPostWithItsBodyAndPassesBack202AndLocation() throws Exception {
        BOOKING.answer(exchange -> {
            exchange.getResponseHeaders().add("Location", "/api/bookings/b-1");
            FakeService.respond(exchange, 202, "application/json", "{\"id\":\"b-1\",\"status\":\"PENDING\"}");
        });
        String body = "{\"sessionId\":\"s-1\",\"seats\":2}";

        HttpResponse<String> response =
                send("/api/bookings", request -> request.header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Tokens.guest("guest@example.com"))
                        .header("Idempotency-Key", "key-1")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/bookings/b-1");
        assertThat(response.body()).isEqualTo("{\"id\":\"b-1\",\"status\":\"PENDING\"}");
        FakeService.Received received = BOOKING.nextRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/api/bookings");
        assertThat(received.bodyText()).isEqualTo(body);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("Content-Length")).isEqualTo(String.valueOf(body.length()));
        assertThat(received.header("Idempotency-Key")).isEqualTo("key-1");
    }

    @Test
    void routesFixturePostponementToInventoryWithTheCallersToken() throws Exception {
        INVENTORY.answer(
                exchange -> FakeService.respond(exchange, 200, "application/json", "{\"sessionsCancelled\":[]}"));
        String token = Tokens.admin("admin@example.com");

        HttpResponse<String> response =
                send("/api/admin/fixtures/f-1/postpone", request -> request.header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.Received received = INVENTORY.nextRequest();
        assertThat(received.uri()).isEqualTo("/api/admin/fixtures/f-1/postpone");
        assertThat(received.headers("Authorization")).containsExactly("Bearer " + token);
        assertThat(received.headers("X-Couchannel-User")).isEmpty();
        assertThat(COMPLIANCE.receivedNothing()).isTrue();
    }

    @Test
    void routesAHostsDashboardToInventoryThoughHostsBelongToHosting() throws Exception {
        HttpResponse<String> response = send(
                "/api/hosts/me/dashboard",
                request -> request.header("Authorization", "Bearer " + Tokens.host("host@example.com")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INVENTORY.nextRequest().uri()).isEqualTo("/api/hosts/me/dashboard");
        assertThat(HOSTING.receivedNothing()).isTrue();
    }

    @Test
    void routesAHostsPayoutsAndTheReconciliationToPaymentOnlyForHostsAndAdmins() throws Exception {
        String host = "Bearer " + Tokens.host("host@example.com");
        String guest = "Bearer " + Tokens.guest("guest@example.com");

        HttpResponse<String> payouts =
                send("/api/hosts/me/payouts?limit=5", request -> request.header("Authorization", host));
        HttpResponse<String> guests = send("/api/hosts/me/payouts", request -> request.header("Authorization", guest));
        HttpResponse<String> notAnAdmin =
                send("/api/admin/reconciliation", request -> request.header("Authorization", host));
        HttpResponse<String> admin = send(
                "/api/admin/reconciliation",
                request -> request.header("Authorization", "Bearer " + Tokens.admin("admin@example.com")));

        assertThat(payouts.statusCode()).isEqualTo(200);
        assertThat(PAYMENT.nextRequest().uri()).isEqualTo("/api/hosts/me/payouts?limit=5");
        assertThat(guests.statusCode()).isEqualTo(403);
        assertThat(notAnAdmin.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(PAYMENT.nextRequest().uri()).isEqualTo("/api/admin/reconciliation");
        assertThat(HOSTING.receivedNothing()).isTrue();
    }

    @Test
    void routesNotificationsAndASessionsLiveSeatsToNotification() throws Exception {
        String guest = "Bearer " + Tokens.guest("guest@example.com");
        for (String path : List.of(
                "/api/me/notifications?unread=true",
                "/api/me/notification-preferences",
                "/api/me/push-subscriptions",
                "/api/me/events",
                "/api/notifications/push/public-key",
                "/api/sessions/s-1/events")) {
            HttpResponse<String> response = send(path, request -> request.header("Authorization", guest));

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(NOTIFICATION.nextRequest().uri()).isEqualTo(path);
        }
        HttpResponse<String> waitlist =
                send("/api/sessions/s-1/waitlist/me", request -> request.header("Authorization", guest));
        assertThat(waitlist.statusCode()).isEqualTo(200);
        assertThat(INVENTORY.nextRequest().uri()).isEqualTo("/api/sessions/s-1/waitlist/me");
        assertThat(NOTIFICATION.receivedNothing()).isTrue();
    }

    @Test
    void routesASessionsBookingsToBookingForItsHostOrAnAdminOnly() throws Exception {
        HttpResponse<String> host = send(
                "/api/sessions/s-1/bookings",
                request -> request.header("Authorization", "Bearer " + Tokens.host("host@example.com")));
        HttpResponse<String> guest = send(
                "/api/sessions/s-1/bookings",
                request -> request.header("Authorization", "Bearer " + Tokens.guest("guest@example.com")));
        HttpResponse<String> publish = send("/api/sessions/s-1/publish", request -> request.header(
                        "Authorization", "Bearer " + Tokens.host("host@example.com"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(host.statusCode()).isEqualTo(200);
        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(publish.statusCode()).isEqualTo(200);
        assertThat(BOOKING.nextRequest().uri()).isEqualTo("/api/sessions/s-1/bookings");
        assertThat(BOOKING.receivedNothing())
                .as("the guest was stopped at the gateway")
                .isTrue();
        assertThat(INVENTORY.nextRequest().uri())
                .as("the rest of /api/sessions stays inventory's")
                .isEqualTo("/api/sessions/s-1/publish");
    }

    @Test
    void routesReviewsAndAVenuesReviewsToTheReviewService() throws Exception {
        String token = Tokens.guest("guest@example.com");

        HttpResponse<String> posted = send("/api/reviews", request -> request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":5}")));
        HttpResponse<String> listed = get("/api/venues/v-1/reviews?page=1");
        HttpResponse<String> venue = get("/api/venues/v-1");

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(venue.statusCode()).isEqualTo(200);
        FakeService.Received review = REVIEW.nextRequest();
        assertThat(review.uri()).isEqualTo("/api/reviews");
        assertThat(review.headers("Authorization")).containsExactly("Bearer " + token);
        assertThat(REVIEW.nextRequest().uri()).isEqualTo("/api/venues/v-1/reviews?page=1");
        assertThat(HOSTING.nextRequest().uri())
                .as("the venue itself stays hosting's")
                .isEqualTo("/api/venues/v-1");
    }

    @Test
    void forwardsOtherMethodsAndPassesErrorAnswersThroughUntouched() throws Exception {
        String problem = "{\"status\":409,\"detail\":\"already cancelled\"}";
        BOOKING.answer(exchange -> FakeService.respond(exchange, 409, "application/problem+json", problem));

        HttpResponse<String> response = send("/api/bookings/b-1", request -> request.header(
                        "Authorization", "Bearer " + Tokens.guest("guest@example.com"))
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(problem);
        assertThat(BOOKING.nextRequest().method()).isEqualTo("DELETE");
    }

    @Test
    void addsForwardingHeadersAndDropsHopByHopOnes() throws Exception {
        HttpResponse<String> response =
                send("/api/fixtures", request -> request.header("X-Forwarded-For", "203.0.113.7")
                        .header("Keep-Alive", "timeout=5")
                        .header("TE", "trailers")
                        .header("Proxy-Authorization", "Basic c2VjcmV0")
                        .header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.Received received = INVENTORY.nextRequest();
        assertThat(received.header("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(received.header("Accept")).isEqualTo("application/json");
        assertThat(received.headers("Keep-Alive")).isEmpty();
        assertThat(received.headers("TE")).isEmpty();
        assertThat(received.headers("Proxy-Authorization")).isEmpty();
    }

    @Test
    void generatesARequestIdAndEchoesIt() throws Exception {
        HttpResponse<String> response = get("/api/fixtures");

        String forwarded = INVENTORY.nextRequest().header("X-Request-Id");
        assertThat(forwarded).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(forwarded);
    }

    @Test
    void keepsASaneRequestIdOfTheCallerButNotAnInsaneOne() throws Exception {
        get("/api/fixtures", "X-Request-Id", "client-42");
        assertThat(INVENTORY.nextRequest().header("X-Request-Id")).isEqualTo("client-42");

        get("/api/fixtures", "X-Request-Id", "<script>" + "x".repeat(200));
        assertThat(INVENTORY.nextRequest().header("X-Request-Id")).doesNotContain("script");
    }

    @Test
    void continuesTheCallersTraceWithANewSpan() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        get("/api/fixtures", "traceparent", "00-" + traceId + "-" + callerSpan + "-01");

        FakeService.Received received = INVENTORY.nextRequest();
        assertThat(received.headers("traceparent")).hasSize(1);
        assertThat(received.header("traceparent"))
                .startsWith("00-" + traceId + "-")
                .doesNotContain(callerSpan);
    }

    @Test
    void startsATraceWhenTheCallerHasNone() throws Exception {
        get("/api/fixtures");

        assertThat(INVENTORY.nextRequest().header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void unknownApiPathsAreProblems() throws Exception {
        assertProblem(get("/api/nowhere"), 404);
        assertProblem(get("/api/bookingsandmore"), 404);
        assertThat(BOOKING.receivedNothing()).isTrue();
        assertThat(INVENTORY.receivedNothing()).isTrue();
    }

    @Test
    void pathsThatClimbOutOfTheirPrefixNeverReachAService() throws Exception {
        HttpResponse<String> response = get("/api/fixtures/%2e%2e/bookings");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(BOOKING.receivedNothing()).isTrue();
        assertThat(INVENTORY.receivedNothing()).isTrue();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return send(path, request -> request.header(header, value).GET());
    }
}
