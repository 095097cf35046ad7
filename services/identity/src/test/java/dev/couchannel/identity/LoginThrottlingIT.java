package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-account throttling, then lockout, with the clock moved instead of waiting; every step audited. */
class LoginThrottlingIT extends IdentityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void repeatedWrongPasswordsSlowTheAccountDownThenLockItEvenForTheRightPassword() {
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        localToken(email, null); // a verified account without a password
        String hash =
                jdbc.queryForObject("select password_hash from users where email = 'guest@example.com'", String.class);
        jdbc.update("update users set password_hash = ? where email = ?", hash, email);

        for (int i = 1; i <= 5; i++) {
            assertThat(attempt(email, "wrong " + i)).isEqualTo("Wrong e-mail address or password.");
        }
        assertThat(attempt(email, DEMO_PASSWORD))
                .as("after 5 failures the right password waits too")
                .isEqualTo("Too many failed attempts. Wait 1 second before you try again.");

        for (int failures = 6; failures <= 9; failures++) {
            clock.advance(Duration.ofSeconds(1L << (failures - 6)));
            assertThat(attempt(email, "wrong again")).isEqualTo("Wrong e-mail address or password.");
            assertThat(attempt(email, DEMO_PASSWORD))
                    .isEqualTo("Too many failed attempts. Wait " + (1L << (failures - 5))
                            + " seconds before you try again.");
        }

        clock.advance(Duration.ofSeconds(16));
        assertThat(attempt(email, "the tenth wrong one")).startsWith("This account is locked for 15 minutes");
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempt(email, DEMO_PASSWORD))
                .as("locked: even the right password is refused")
                .startsWith("This account is locked for 15 minutes");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Browser browser = browser();
        HttpResponse<String> signedIn = browser.signIn(email, DEMO_PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(jdbc.queryForObject("select failed_attempts from users where email = ?", Integer.class, email))
                .isZero();

        assertThat(jdbc.queryForList(
                        "select type from audit_events where subject = ? order by at", String.class, email))
                .contains(
                        "LOGIN_FAILED", "LOGIN_THROTTLED", "ACCOUNT_LOCKED", "LOGIN_REFUSED_LOCKED", "LOGIN_SUCCEEDED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_events where subject = ? and type = 'LOGIN_FAILED'",
                        Integer.class,
                        email))
                .isEqualTo(10);
    }

    @Test
    void parallelWrongGuessesAreEachCountedAndLockTheAccount() throws Exception {
        String email = "parallel-" + UUID.randomUUID() + "@example.com";
        localToken(email, null);
        String hash =
                jdbc.queryForObject("select password_hash from users where email = 'guest@example.com'", String.class);
        jdbc.update("update users set password_hash = ? where email = ?", hash, email);

        try (var guesses = java.util.concurrent.Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                String guess = "parallel guess " + i;
                guesses.submit(() -> browser().signIn(email, guess));
            }
        }

        // every guess is accounted for: checked and counted, or turned away by the gate it raced with
        int counted = events(email, "LOGIN_FAILED");
        assertThat(counted + events(email, "LOGIN_THROTTLED") + events(email, "LOGIN_REFUSED_LOCKED"))
                .isEqualTo(10);
        if (counted == 10) {
            assertThat(attempt(email, DEMO_PASSWORD)).startsWith("This account is locked for 15 minutes");
        } else {
            // no lost update: the stored count is every checked wrong guess
            assertThat(jdbc.queryForObject("select failed_attempts from users where email = ?", Integer.class, email))
                    .isEqualTo(counted);
        }
    }

    private int events(String email, String type) {
        return jdbc.queryForObject(
                "select count(*) from audit_events where subject = ? and type = ?", Integer.class, email, type);
    }

    /** One password attempt; answers the message the login page then shows. */
    private String attempt(String email, String password) {
        Browser browser = browser();
        HttpResponse<String> response = browser.signIn(email, password);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        String page = browser.get("/login?error").body();
        int start = page.indexOf("role=\"alert\">") + "role=\"alert\">".length();
        return page.substring(start, page.indexOf("</div>", start)).trim();
    }
}
