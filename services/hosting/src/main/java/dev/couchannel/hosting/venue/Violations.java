package dev.couchannel.hosting.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects the rules a set of venue facts breaks, so that a host learns about every fact to fix
 * in one answer. Each value checks its own facts with one of these and throws {@link InvalidVenue};
 * whoever builds several values at once uses {@link #attempt} to gather all their violations.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Records {@code message} against {@code field} unless {@code ok}. */
    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            found.add(new Violation(field, message));
        }
        return this;
    }

    /** Builds a value; when it breaks rules, records them and returns null. */
    public <T> @Nullable T attempt(Supplier<T> value) {
        return attempt("", value);
    }

    /**
     * Builds a value whose fields sit under {@code prefix} (such as {@code packages[2].}); when it
     * breaks rules, records them with the prefix and returns null.
     */
    public <T> @Nullable T attempt(String prefix, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidVenue invalid) {
            invalid.violations().forEach(v -> found.add(new Violation(prefix + v.field(), v.message())));
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * @throws InvalidVenue when any rule was broken
     */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidVenue(found);
        }
    }
}
