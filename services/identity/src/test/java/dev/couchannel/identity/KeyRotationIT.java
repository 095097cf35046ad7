package dev.couchannel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.couchannel.identity.keys.application.KeyRing;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rotation keeps old tokens verifiable until they have all expired; then their key leaves the JWKS. */
class KeyRotationIT extends IdentityTest {

    @Autowired
    KeyRing keys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenSignedBeforeARotationVerifiesUntilItsKeyIsRetired() throws Exception {
        String admin = localToken("admin@example.com", null);
        String before = localToken("guest@example.com", null);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        HttpResponse<String> rotated =
                browser().postJson("/api/admin/keys/rotate", "", "Authorization", "Bearer " + admin);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newKid = json(rotated).path("activeKid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(jwks().getKeys()).extracting(JWK::getKeyID).contains(oldKid, newKid);
        assertThat(verify(before).getStringClaim("email")).isEqualTo("guest@example.com");
        String after = localToken("guest@example.com", null);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID())
                .as("new tokens are signed with the new key only")
                .isEqualTo(newKid);
        assertThat(browser()
                        .get("/api/admin/audit?type=KEY_ROTATED&limit=5", "Authorization", "Bearer " + admin)
                        .body())
                .contains(newKid);

        clock.advance(Duration.ofMinutes(15));
        assertThat(keys.retireExpired())
                .as("within lifetime + skew nothing retires")
                .doesNotContain(oldKid);

        clock.advance(Duration.ofSeconds(61));
        assertThat(keys.retireExpired()).contains(oldKid);
        assertThat(jwks().getKeys())
                .extracting(JWK::getKeyID)
                .doesNotContain(oldKid)
                .contains(newKid);
        assertThat(jdbc.queryForObject("select state from signing_keys where kid = ?", String.class, oldKid))
                .isEqualTo("RETIRED");
    }

    @Test
    void theScheduledCheckRotatesAnActiveKeyOnceItIsDue() {
        String active = keys.activeKid();
        keys.maintain();
        assertThat(keys.activeKid()).as("a young key stays").isEqualTo(active);

        clock.advance(Duration.ofDays(31));
        keys.maintain();

        assertThat(keys.activeKid()).isNotEqualTo(active);
        assertThat(jdbc.queryForObject("select state from signing_keys where kid = ?", String.class, active))
                .isEqualTo("PREVIOUS");
    }
}
