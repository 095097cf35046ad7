package dev.couchannel.identity.users;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to couchannel.
 *
 * @param email lower case; never changes, services store owners by it (ADR 12)
 * @param passwordHash Argon2id, or null for an account without a password
 * @param failedAttempts consecutive failed password attempts since the last success or lock
 */
public record User(
        UUID id,
        String email,
        @Nullable String passwordHash,
        Set<Role> roles,
        boolean emailVerified,
        int failedAttempts,
        @Nullable Instant lastFailedAt,
        @Nullable Instant lockedUntil,
        Instant createdAt) {

    public User {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A new, unverified account. */
    public static User register(String email, @Nullable String passwordHash, Set<Role> roles, Instant now) {
        return new User(UUID.randomUUID(), email, passwordHash, roles, false, 0, null, null, now);
    }

    /** Role names as tokens carry them, in a stable order. */
    public List<String> roleNames() {
        return roles.stream().sorted().map(Role::wireName).toList();
    }

    /** The API scopes this user may be granted. */
    public Set<String> allowedScopes() {
        return Role.scopesOf(roles);
    }

    /** Whether a password attempt may be checked at {@code now}. */
    public SignInGate gate(Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new SignInGate.Locked(lockedUntil);
        }
        Duration delay = SignInPolicy.delayAfter(failedAttempts);
        if (!delay.isZero() && lastFailedAt != null) {
            Instant next = lastFailedAt.plus(delay);
            if (now.isBefore(next)) {
                return new SignInGate.Delayed(Duration.between(now, next));
            }
        }
        return new SignInGate.Open();
    }

    /** After a wrong password: one more failure, or a lock when it was one too many. */
    public User failedSignIn(Instant now) {
        int failures = failedAttempts + 1;
        if (failures >= SignInPolicy.LOCK_AFTER) {
            return new User(
                    id, email, passwordHash, roles, emailVerified, 0, now, now.plus(SignInPolicy.LOCK_FOR), createdAt);
        }
        return new User(id, email, passwordHash, roles, emailVerified, failures, now, lockedUntil, createdAt);
    }

    /** Whether this state was just locked by {@link #failedSignIn}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** After a successful sign-in: the count starts again. */
    public User succeededSignIn() {
        return new User(id, email, passwordHash, roles, emailVerified, 0, null, null, createdAt);
    }

    public User verified() {
        return new User(id, email, passwordHash, roles, true, failedAttempts, lastFailedAt, lockedUntil, createdAt);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(
                id, email, passwordHash, newRoles, emailVerified, failedAttempts, lastFailedAt, lockedUntil, createdAt);
    }
}
