package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A signed-in user registers a passkey with Spring's WebAuthn endpoints, then signs in with it alone. */
class PasskeyIT extends IdentityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegisteredPasskeySignsTheUserIn() {
        VirtualAuthenticator authenticator = new VirtualAuthenticator(ISSUER, "localhost");
        Browser withPassword = browser();
        withPassword.signIn("guest2@example.com", DEMO_PASSWORD);
        String csrf = Browser.csrf(withPassword.get("/").body());

        HttpResponse<String> creation = withPassword.postJson("/webauthn/register/options", "", "X-CSRF-TOKEN", csrf);
        assertThat(creation.statusCode()).as(creation.body()).isEqualTo(200);
        JsonNode options = json(creation);
        assertThat(options.path("rp").path("id").asString()).isEqualTo("localhost");
        assertThat(options.path("user").path("name").asString()).isEqualTo("guest2@example.com");
        String userHandle = options.path("user").path("id").asString();

        HttpResponse<String> registered = withPassword.postJson(
                "/webauthn/register",
                authenticator.register(options.path("challenge").asString(), "test laptop"),
                "X-CSRF-TOKEN",
                csrf);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).contains("\"success\":true");
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_credentials where label = 'test laptop'", Integer.class))
                .isPositive();

        Browser withPasskey = browser();
        String anonymousCsrf = Browser.csrf(withPasskey.get("/login").body());
        HttpResponse<String> request =
                withPasskey.postJson("/webauthn/authenticate/options", "", "X-CSRF-TOKEN", anonymousCsrf);
        assertThat(request.statusCode()).as(request.body()).isEqualTo(200);
        assertThat(json(request).path("rpId").asString()).isEqualTo("localhost");

        HttpResponse<String> signedIn = withPasskey.postJson(
                "/login/webauthn",
                authenticator.authenticate(json(request).path("challenge").asString(), userHandle),
                "X-CSRF-TOKEN",
                anonymousCsrf);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(json(signedIn).path("authenticated").asBoolean()).isTrue();
        assertThat(withPasskey.get("/").body()).contains("guest2@example.com");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where type = 'LOGIN_SUCCEEDED'"
                                + " and subject = 'guest2@example.com' and details->>'method' = 'passkey'",
                        Integer.class))
                .isPositive();

        // a lockout (from wrong passwords) holds for the passkey too
        jdbc.update(
                "update users set locked_until = ? where email = 'guest2@example.com'",
                java.sql.Timestamp.from(clock.instant().plus(java.time.Duration.ofMinutes(15))));
        try {
            Browser whileLocked = browser();
            String lockedCsrf = Browser.csrf(whileLocked.get("/login").body());
            JsonNode again =
                    json(whileLocked.postJson("/webauthn/authenticate/options", "", "X-CSRF-TOKEN", lockedCsrf));
            HttpResponse<String> refused = whileLocked.postJson(
                    "/login/webauthn",
                    authenticator.authenticate(again.path("challenge").asString(), userHandle),
                    "X-CSRF-TOKEN",
                    lockedCsrf);
            assertThat(refused.statusCode()).isEqualTo(401);
        } finally {
            jdbc.update("update users set locked_until = null where email = 'guest2@example.com'");
        }
    }

    @Test
    void aPasskeyAssertionForAnUnknownCredentialIsRefused() {
        VirtualAuthenticator stranger = new VirtualAuthenticator(ISSUER, "localhost");
        Browser browser = browser();
        String csrf = Browser.csrf(browser.get("/login").body());
        JsonNode request = json(browser.postJson("/webauthn/authenticate/options", "", "X-CSRF-TOKEN", csrf));

        HttpResponse<String> response = browser.postJson(
                "/login/webauthn",
                stranger.authenticate(request.path("challenge").asString(), "AAAA"),
                "X-CSRF-TOKEN",
                csrf);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(browser.get("/").statusCode()).as("still anonymous").isEqualTo(302);
    }
}
