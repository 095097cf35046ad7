package dev.couchannel.identity.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something security-relevant that happened.
 *
 * @param actor who did it (an e-mail address, a client id, or null when anonymous)
 * @param subject whom or what it concerned (an e-mail address, a key id)
 * @param details free-form facts, e.g. the client address or the new roles
 */
public record AuditEvent(
        UUID id,
        Instant at,
        Type type,
        @Nullable String actor,
        @Nullable String subject,
        Map<String, Object> details) {

    public AuditEvent {
        details = Map.copyOf(details);
    }

    public static AuditEvent of(
            Instant at, Type type, @Nullable String actor, @Nullable String subject, Map<String, Object> details) {
        return new AuditEvent(UUID.randomUUID(), at, type, actor, subject, details);
    }

    /** The kinds of event. */
    public enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOGIN_THROTTLED,
        ACCOUNT_LOCKED,
        LOGIN_REFUSED_LOCKED,
        ROLES_CHANGED,
        USER_REGISTERED,
        EMAIL_VERIFIED,
        KEY_ROTATED,
        KEY_RETIRED,
        /** An admin cancelled a guest's booking (published by booking). */
        BOOKING_CANCELLED_BY_ADMIN,
        /** Another service's audit event of a kind identity does not name; {@code details.action} says which. */
        SERVICE_EVENT
    }
}
