package dev.couchannel.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    final Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void fiveFailuresAreFreeThenEachAttemptWaitsTwiceAsLongUpToAMinute() {
        User user = failures(User.register("a@example.com", "hash", Set.of(Role.GUEST), now), 5);

        assertThat(user.gate(now)).isEqualTo(new SignInGate.Delayed(Duration.ofSeconds(1)));
        assertThat(user.gate(now.plusSeconds(1))).isInstanceOf(SignInGate.Open.class);
        assertThat(SignInPolicy.delayAfter(4)).isZero();
        assertThat(SignInPolicy.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInPolicy.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInPolicy.delayAfter(30)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theTenthFailureLocksForFifteenMinutesAndASuccessResets() {
        User locked = failures(User.register("a@example.com", "hash", Set.of(Role.GUEST), now), 10);

        assertThat(locked.gate(now.plus(Duration.ofMinutes(14))))
                .isEqualTo(new SignInGate.Locked(now.plus(Duration.ofMinutes(15))));
        assertThat(locked.gate(now.plus(Duration.ofMinutes(15)))).isInstanceOf(SignInGate.Open.class);
        User reset = failures(User.register("a@example.com", "hash", Set.of(Role.GUEST), now), 7)
                .succeededSignIn();
        assertThat(reset.failedAttempts()).isZero();
        assertThat(reset.gate(now)).isInstanceOf(SignInGate.Open.class);
    }

    @Test
    void scopesFollowRoles() {
        assertThat(Role.scopesOf(Set.of(Role.GUEST))).containsExactly("book:sessions", "read:events");
        assertThat(Role.scopesOf(Set.of(Role.GUEST, Role.HOST)))
                .containsExactly("book:sessions", "host:manage", "read:events");
        assertThat(Role.scopesOf(Set.of(Role.ADMIN))).containsExactly("admin", "read:events");
    }

    @Test
    void emailAddressesAreNormalizedAndImplausibleOnesRefused() {
        assertThat(EmailAddress.normalize("  Guest@Example.COM ")).hasValue("guest@example.com");
        assertThat(EmailAddress.normalize("no-at-sign")).isEmpty();
        assertThat(EmailAddress.normalize("a@b")).isEmpty();
        assertThat(PasswordRules.problemWith("123456789")).isPresent();
        assertThat(PasswordRules.problemWith("1234567890")).isEmpty();
    }

    private User failures(User user, int count) {
        User current = user;
        for (int i = 0; i < count; i++) {
            current = current.failedSignIn(now);
        }
        return current;
    }
}
