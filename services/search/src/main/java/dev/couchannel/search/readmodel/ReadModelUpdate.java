package dev.couchannel.search.readmodel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one event changes in the read model. */
public sealed interface ReadModelUpdate {

    /** When the fact happened at its source (the CloudEvent's time): the start of the freshness clock. */
    Instant eventTime();

    /**
     * Changes to one session's document.
     *
     * @param joinVenue the venue whose facts (and rating) the session takes over now, when it names one: the session
     *     was published and its venue may be known already (or arrives later, see {@link VenueChanged})
     */
    record SessionChanged(
            String sessionId,
            List<FieldGroup> groups,
            @Nullable String joinVenue,
            Instant eventTime) implements ReadModelUpdate {

        public SessionChanged {
            groups = List.copyOf(groups);
        }
    }

    /** New facts (or a new rating) of a venue: kept for sessions still to come and copied into its sessions. */
    record VenueChanged(String venueId, FieldGroup group, Instant eventTime) implements ReadModelUpdate {}
}
