package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.platform.embedded.SmtpServer.ReceivedMail;
import dev.couchannel.platform.testing.TestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-up over JSON and the HTML form, the verification e-mail over real SMTP, and sign-in before and after. */
class RegistrationIT extends IdentityTest {

    static final Pattern LINK = Pattern.compile("http://localhost:8080/verify\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewAccountSignsInOnlyAfterFollowingTheLinkItWasMailed() {
        String email = "new-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> created = browser()
                .postJson("/api/users", "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"long enough pw\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("email").asString()).isEqualTo(email);
        assertThat(json(created).path("emailVerified").asBoolean()).isFalse();
        String token = verificationToken(email);

        HttpResponse<String> refused = browser().signIn(email, "long enough pw");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        Browser unverified = browser();
        unverified.signIn(email, "long enough pw");
        assertThat(unverified.get("/login?error").body()).contains("Confirm your e-mail address first");

        HttpResponse<String> verified = browser().get("/verify?token=" + token);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Address confirmed");
        assertThat(browser().get("/verify?token=" + token).statusCode())
                .as("the link works once")
                .isEqualTo(400);

        Browser browser = browser();
        HttpResponse<String> signedIn = browser.signIn(email, "long enough pw");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get("/").body()).contains(email);
    }

    @Test
    void theHtmlFormRegistersAndMailsToo() {
        String email = "form-" + UUID.randomUUID() + "@example.com";
        Browser browser = browser();
        String csrf = Browser.csrf(browser.get("/register").body());

        HttpResponse<String> page =
                browser.postForm("/register", Map.of("email", email, "password", "a fine password", "_csrf", csrf));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Check your inbox");
        assertThat(verificationToken(email)).isNotBlank();

        HttpResponse<String> weak =
                browser.postForm("/register", Map.of("email", "x-" + email, "password", "short", "_csrf", csrf));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 10 characters");
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String email = "hash-" + UUID.randomUUID() + "@example.com";
        browser().postJson("/api/users", "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");

        String hash = jdbc.queryForObject("select password_hash from users where email = ?", String.class, email);

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
    }

    @Test
    void badInputIsA400ProblemNamingTheFields() {
        HttpResponse<String> response =
                browser().postJson("/api/users", "{\"email\":\"not-an-address\",\"password\":\"short\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"field\":\"email\"")
                .contains("\"field\":\"password\"")
                .contains("at least 10 characters");

        HttpResponse<String> unreadable = browser().postJson("/api/users", "{not json");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aTakenAddressIsA409WithANeutralMessage() {
        HttpResponse<String> response =
                browser().postJson("/api/users", "{\"email\":\"guest@example.com\",\"password\":\"another password\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("cannot be registered").doesNotContain("already exists");
    }

    @Test
    void anUnknownLinkIsRefused() {
        HttpResponse<String> response = browser().get("/verify?token=" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("does not work");
    }

    static String verificationToken(String email) {
        ReceivedMail mail = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestInfrastructure.get().smtp().receivedMessages().stream()
                                .filter(message -> message.to().contains(email))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(mail.subject()).contains("Confirm your e-mail address");
        Matcher link = LINK.matcher(mail.body().replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a verification link in:\n" + mail.body()).isTrue();
        return link.group(1);
    }
}
