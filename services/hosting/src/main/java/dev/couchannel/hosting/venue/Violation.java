package dev.couchannel.hosting.venue;

import java.util.Objects;

/**
 * A venue fact that breaks a rule, named as the host sends it ({@code capacity},
 * {@code packages[1].country}), with a message that says how to fix it.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
    }
}
