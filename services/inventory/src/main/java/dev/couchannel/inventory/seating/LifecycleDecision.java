package dev.couchannel.inventory.seating;

/** What a lifecycle verb ({@link ViewingSession#publish()}, {@link ViewingSession#cancel()}) did. */
public sealed interface LifecycleDecision {

    /** The session moved to a new status. */
    record Changed(SessionStatus from, SessionStatus to) implements LifecycleDecision {}

    /** The session already was where the verb leads; nothing changed (a repeated request). */
    record Unchanged(SessionStatus status) implements LifecycleDecision {}

    /** The verb does not apply to the session as it is; {@code reason} is for the host. */
    record Refused(String reason) implements LifecycleDecision {}
}
