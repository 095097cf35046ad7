package dev.couchannel.recommendation.taste.streams;

import dev.couchannel.recommendation.taste.Candidate;
import dev.couchannel.recommendation.taste.Facts;
import dev.couchannel.recommendation.taste.HostGuests;
import dev.couchannel.recommendation.taste.Location;
import dev.couchannel.recommendation.taste.Popularity;
import dev.couchannel.recommendation.taste.Session;
import dev.couchannel.recommendation.taste.Taste;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link Facts} read from the topology's stores in place (interactive queries). One instance holds
 * every partition (see ADR 21 for what scaling out would need).
 */
public final class StreamStores implements Facts {

    /** Where the stores are: the running streams, or a test driver. */
    @FunctionalInterface
    public interface Source {

        /**
         * @throws InvalidStateStoreException while the store cannot be queried
         */
        <V> ReadOnlyKeyValueStore<String, V> store(String name);
    }

    private final Source streams;

    public StreamStores(Source streams) {
        this.streams = streams;
    }

    @Override
    public Taste tasteOf(String guest) {
        return ready(() -> Objects.requireNonNullElse(
                streams.<Taste>store(RecommendationTopology.TASTES).get(guest), Taste.none()));
    }

    @Override
    public HostGuests guestsOf(String host) {
        return ready(() -> Objects.requireNonNullElse(
                streams.<HostGuests>store(RecommendationTopology.HOST_GUESTS).get(host), HostGuests.none()));
    }

    @Override
    public List<Candidate> upcoming(Instant now) {
        return ready(() -> {
            ReadOnlyKeyValueStore<String, Fact.SeatsChanged> seats = streams.store(RecommendationTopology.SEATS);
            ReadOnlyKeyValueStore<String, Location> venues = streams.store(RecommendationTopology.VENUES);
            ReadOnlyKeyValueStore<String, Popularity> popularity = streams.store(RecommendationTopology.POPULARITY);
            List<Candidate> candidates = new ArrayList<>();
            try (KeyValueIterator<String, Session> all =
                    streams.<Session>store(RecommendationTopology.SESSIONS).all()) {
                while (all.hasNext()) {
                    KeyValue<String, Session> next = all.next();
                    Session session = next.value;
                    if (session == null || !session.upcoming(now)) {
                        continue;
                    }
                    Fact.SeatsChanged free = seats.get(session.id());
                    candidates.add(new Candidate(
                            session,
                            free == null ? null : free.free(),
                            venues.get(session.venueId()),
                            Objects.requireNonNullElse(popularity.get(session.id()), Popularity.none())));
                }
            }
            return candidates;
        });
    }

    private static <T> T ready(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new Facts.NotReady("the recommendation stores are not ready: " + e.getMessage(), e);
        }
    }
}
