package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The edge's first line: each operation's scopes and roles (AccessRules), before any service. */
class RouteScopeTest extends GatewayTestSupport {

    private static final String GUEST = Tokens.guest("guest@example.com");
    private static final String HOST = Tokens.host("host@example.com");
    private static final String ADMIN = Tokens.admin("admin@example.com");

    @Test
    void planningASessionNeedsHostManage() throws Exception {
        assertProblem(post("/api/sessions", null), 401);
        HttpResponse<String> guest = post("/api/sessions", GUEST);
        assertProblem(guest, 403);
        assertThat(guest.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("insufficient_scope"));
        assertThat(INVENTORY.receivedNothing()).isTrue();

        assertThat(post("/api/sessions", HOST).statusCode()).isEqualTo(200);
        assertThat(INVENTORY.nextRequest().uri()).isEqualTo("/api/sessions");
    }

    @Test
    void publishingNeedsHostManageAndCancellingHostManageOrAdmin() throws Exception {
        assertProblem(post("/api/sessions/s-1/publish", GUEST), 403);
        assertProblem(post("/api/sessions/s-1/publish", ADMIN), 403);
        assertProblem(post("/api/sessions/s-1/cancel", GUEST), 403);
        assertThat(INVENTORY.receivedNothing()).isTrue();

        assertThat(post("/api/sessions/s-1/cancel", HOST).statusCode()).isEqualTo(200);
        assertThat(post("/api/sessions/s-1/cancel", ADMIN).statusCode()).isEqualTo(200);
        assertThat(INVENTORY.nextRequest().uri()).isEqualTo("/api/sessions/s-1/cancel");
        assertThat(INVENTORY.nextRequest().uri()).isEqualTo("/api/sessions/s-1/cancel");
    }

    @Test
    void bookingAndQuotingNeedBookSessions() throws Exception {
        assertProblem(post("/api/bookings", null), 401);
        assertProblem(post("/api/bookings", ADMIN), 403);
        assertProblem(post("/api/quotes", ADMIN), 403);
        assertThat(BOOKING.receivedNothing()).isTrue();
        assertThat(PRICING.receivedNothing()).isTrue();

        assertThat(post("/api/bookings", GUEST).statusCode()).isEqualTo(200);
        assertThat(post("/api/quotes", GUEST).statusCode()).isEqualTo(200);
    }

    @Test
    void venueChangesNeedHostManage() throws Exception {
        assertProblem(post("/api/venues", GUEST), 403);
        assertProblem(
                send("/api/venues/v-1", request -> request.header("Authorization", "Bearer " + GUEST)
                        .PUT(HttpRequest.BodyPublishers.ofString("{}"))),
                403);
        assertProblem(
                send("/api/venues/v-1", request -> request.header("Authorization", "Bearer " + GUEST)
                        .DELETE()),
                403);
        assertThat(HOSTING.receivedNothing()).isTrue();

        assertThat(send("/api/venues/v-1", request -> request.header("Authorization", "Bearer " + HOST)
                                .DELETE())
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/venues/v-1").statusCode()).isEqualTo(200);
    }

    @Test
    void adminPathsNeedAdminEvenWhereTheContractIsSilent() throws Exception {
        assertProblem(get("/api/admin/compliance/rules"), 401);
        assertProblem(
                send("/api/admin/compliance/rules", request -> request.header("Authorization", "Bearer " + HOST)), 403);
        assertProblem(
                send("/api/admin/anything/new", request -> request.header("Authorization", "Bearer " + GUEST)), 403);
        assertThat(COMPLIANCE.receivedNothing()).isTrue();

        HttpResponse<String> admin =
                send("/api/admin/compliance/rules", request -> request.header("Authorization", "Bearer " + ADMIN));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(COMPLIANCE.nextRequest().uri()).isEqualTo("/api/admin/compliance/rules");
    }

    @Test
    void readingReviewsIsPublicReplyingIsForHostsAndModerationForAdmins() throws Exception {
        assertThat(get("/api/venues/v-1/reviews").statusCode()).isEqualTo(200);
        assertThat(get("/api/reviews/r-1").statusCode()).isEqualTo(200);
        assertProblem(post("/api/reviews", null), 401);
        assertProblem(post("/api/reviews/r-1/reply", GUEST), 403);
        assertProblem(post("/api/admin/reviews/r-1/hide", HOST), 403);
        assertProblem(post("/api/admin/reviews/rebuild", GUEST), 403);
        assertThat(REVIEW.nextRequest().uri()).isEqualTo("/api/venues/v-1/reviews");
        assertThat(REVIEW.nextRequest().uri()).isEqualTo("/api/reviews/r-1");
        assertThat(REVIEW.receivedNothing()).isTrue();

        assertThat(post("/api/reviews", GUEST).statusCode()).isEqualTo(200);
        assertThat(post("/api/reviews/r-1/reports", GUEST).statusCode()).isEqualTo(200);
        assertThat(post("/api/reviews/r-1/reply", HOST).statusCode()).isEqualTo(200);
        assertThat(post("/api/admin/reviews/r-1/restore", ADMIN).statusCode()).isEqualTo(200);
        assertThat(REVIEW.nextRequest().uri()).isEqualTo("/api/reviews");
    }

    @Test
    void recommendationsAreForWhoeverIsSignedInAndGoToTheRecommendationService() throws Exception {
        assertProblem(get("/api/me/recommendations"), 401);
        assertThat(RECOMMENDATION.receivedNothing()).isTrue();

        assertThat(send("/api/me/recommendations?limit=5&lat=52.2&lon=21.0", request -> request.header(
                                        "Authorization", "Bearer " + GUEST)
                                .GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(RECOMMENDATION.nextRequest().uri()).isEqualTo("/api/me/recommendations?limit=5&lat=52.2&lon=21.0");
    }

    @Test
    void analyticsIsForTheHostThemselvesAndAdminsAndSurveyLinksAreForAnyone() throws Exception {
        assertProblem(get("/api/hosts/me/analytics"), 401);
        assertProblem(post("/api/admin/analytics/rebuild", HOST), 403);
        assertProblem(
                send("/api/admin/analytics", request -> request.header("Authorization", "Bearer " + HOST)
                        .GET()),
                403);
        assertProblem(
                send("/api/hosts/me/analytics", request -> request.header("Authorization", "Bearer " + GUEST)
                        .GET()),
                403);
        assertThat(ANALYTICS.receivedNothing()).isTrue();
        assertThat(HOSTING.receivedNothing()).isTrue();

        assertThat(send("/api/hosts/me/analytics?interval=week", request -> request.header(
                                        "Authorization", "Bearer " + HOST)
                                .GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("/api/admin/analytics", request -> request.header("Authorization", "Bearer " + ADMIN)
                                .GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/surveys/t0k3n?score=9").statusCode()).isEqualTo(200);
        assertThat(post("/api/surveys/t0k3n", null).statusCode()).isEqualTo(200);
        assertThat(ANALYTICS.nextRequest().uri()).isEqualTo("/api/hosts/me/analytics?interval=week");
        assertThat(ANALYTICS.nextRequest().uri()).isEqualTo("/api/admin/analytics");
        assertThat(ANALYTICS.nextRequest().uri()).isEqualTo("/api/surveys/t0k3n?score=9");
        assertThat(ANALYTICS.nextRequest().uri()).isEqualTo("/api/surveys/t0k3n");
        assertThat(HOSTING.receivedNothing()).isTrue();
    }

    @Test
    void theCatalogueIsPublicAndPersonalPagesAreNot() throws Exception {
        assertThat(get("/api/fixtures").statusCode()).isEqualTo(200);
        assertThat(get("/api/sessions?fixtureId=f-1").statusCode()).isEqualTo(200);
        assertProblem(get("/api/bookings"), 401);
        assertProblem(get("/api/hosts/me/venues"), 401);
        assertThat(BOOKING.receivedNothing()).isTrue();
        assertThat(HOSTING.receivedNothing()).isTrue();
    }

    @Test
    void theProvidersWebhookNeedsNoUser() throws Exception {
        HttpResponse<String> response =
                send("/api/payments/webhooks/sandbox", request -> request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PAYMENT.nextRequest().uri()).isEqualTo("/api/payments/webhooks/sandbox");
    }

    private HttpResponse<String> post(String path, @Nullable String token) throws Exception {
        return send(path, request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        });
    }
}
