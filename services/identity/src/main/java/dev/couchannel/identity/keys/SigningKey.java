package dev.couchannel.identity.keys;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An RSA key pair that signs access tokens, kept as PEM.
 *
 * @param kid the key id tokens name in their header
 * @param demotedAt when it stopped signing (null while active)
 */
public record SigningKey(
        String kid,
        String privatePem,
        String publicPem,
        KeyState state,
        Instant createdAt,
        @Nullable Instant demotedAt,
        @Nullable Instant retiredAt) {

    public boolean published() {
        return state == KeyState.ACTIVE || state == KeyState.PREVIOUS;
    }

    /** Whether the active key is old enough to be replaced. */
    public boolean dueForRotation(Instant now, Duration rotateEvery) {
        return state == KeyState.ACTIVE && !createdAt.plus(rotateEvery).isAfter(now);
    }

    /**
     * Whether a previous key can leave the JWKS: the last token it signed expired (lifetime after
     * its demotion) and no checker's clock skew can still accept it.
     */
    public boolean retirable(Instant now, Duration tokenLifetime, Duration skew) {
        return state == KeyState.PREVIOUS
                && demotedAt != null
                && !demotedAt.plus(tokenLifetime).plus(skew).isAfter(now);
    }

    public SigningKey demoted(Instant now) {
        return new SigningKey(kid, privatePem, publicPem, KeyState.PREVIOUS, createdAt, now, null);
    }

    public SigningKey retired(Instant now) {
        return new SigningKey(kid, privatePem, publicPem, KeyState.RETIRED, createdAt, demotedAt, now);
    }
}
