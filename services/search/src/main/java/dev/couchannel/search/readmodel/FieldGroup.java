package dev.couchannel.search.readmodel;

import java.util.Map;
import java.util.Objects;

/**
 * Fields of a search document that change together, with the version of the fact they come from: a document keeps,
 * per group, the highest {@code seq} it has seen and ignores older ones. That makes every update idempotent (a
 * redelivered event changes nothing) and order-proof across sources (a late venue event never overwrites a newer one,
 * and a replay never undoes a live update).
 *
 * @param name the group, e.g. {@code seats}; the document stores its version as {@code <name>Seq}
 * @param seq the version: a venue's or rating's own version, or the Kafka offset of a session's event (a session's
 *     events share one partition, keyed by its id, so their offsets grow with every change)
 * @param fields the values to set, by top-level field name
 */
public record FieldGroup(String name, long seq, Map<String, Object> fields) {

    public static final String FACTS = "facts";
    public static final String STATUS = "status";
    public static final String SEATS = "seats";
    public static final String VENUE = "venue";
    public static final String RATING = "rating";

    public FieldGroup {
        Objects.requireNonNull(name);
        fields = Map.copyOf(fields);
    }
}
