package dev.couchannel.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    final Instant created = Instant.parse("2026-11-01T00:00:00Z");
    final SigningKey active = new SigningKey("k1", "private", "public", KeyState.ACTIVE, created, null, null);

    @Test
    void anActiveKeyIsDueForRotationAtItsAge() {
        assertThat(active.dueForRotation(created.plus(Duration.ofDays(29)), Duration.ofDays(30)))
                .isFalse();
        assertThat(active.dueForRotation(created.plus(Duration.ofDays(30)), Duration.ofDays(30)))
                .isTrue();
    }

    @Test
    void aDemotedKeyRetiresOnlyAfterTokenLifetimePlusSkew() {
        Instant demotedAt = created.plus(Duration.ofDays(30));
        SigningKey previous = active.demoted(demotedAt);

        assertThat(previous.published()).isTrue();
        assertThat(previous.retirable(demotedAt.plusSeconds(959), Duration.ofMinutes(15), Duration.ofSeconds(60)))
                .isFalse();
        assertThat(previous.retirable(demotedAt.plusSeconds(960), Duration.ofMinutes(15), Duration.ofSeconds(60)))
                .isTrue();
        assertThat(active.retirable(demotedAt.plusSeconds(9999), Duration.ofMinutes(15), Duration.ofSeconds(60)))
                .as("the active key never retires")
                .isFalse();
        assertThat(previous.retired(demotedAt).published()).isFalse();
    }
}
