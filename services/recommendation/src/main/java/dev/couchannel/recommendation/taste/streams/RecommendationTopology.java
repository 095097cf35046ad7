package dev.couchannel.recommendation.taste.streams;

import dev.couchannel.contracts.Topics;
import dev.couchannel.recommendation.taste.BookedSession;
import dev.couchannel.recommendation.taste.Booking;
import dev.couchannel.recommendation.taste.HostGuests;
import dev.couchannel.recommendation.taste.Location;
import dev.couchannel.recommendation.taste.Popularity;
import dev.couchannel.recommendation.taste.Session;
import dev.couchannel.recommendation.taste.Taste;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The topology (ADR 21). Three source topics, six queryable stores:
 *
 * <ul>
 *   <li>{@link #SESSIONS}: session id → {@link Session} (published, then maybe cancelled), from inventory;
 *   <li>{@link #SEATS}: session id → the latest {@link Fact.SeatsChanged}, from inventory;
 *   <li>{@link #VENUES}: venue id → {@link Location}, the highest revision, from hosting;
 *   <li>{@link #TASTES}: guest → {@link Taste}: the guest's live bookings joined (foreign key) to their
 *       sessions' teams and hosts, added up, a cancellation subtracted again;
 *   <li>{@link #HOST_GUESTS}: host → {@link HostGuests}: the guests with live bookings at the host;
 *   <li>{@link #POPULARITY}: session id → {@link Popularity}: its live bookings and seats.
 * </ul>
 *
 * A booking lives in an internal table (booking id → {@link Booking}) from its confirmation to its
 * cancellation (a tombstone), so every aggregate below it gets the subtraction for free; a replayed
 * event puts the same value again and changes nothing. Every store is in memory with a changelog
 * topic (see {@link #IN_MEMORY}).
 */
public final class RecommendationTopology {

    public static final String SESSIONS = "sessions";
    public static final String SEATS = "seats";
    public static final String VENUES = "venues";
    public static final String TASTES = "tastes";
    public static final String HOST_GUESTS = "host-guests";
    public static final String POPULARITY = "popularity";
    static final String BOOKINGS = "bookings";

    /**
     * Every store of the DSL (ours and the join's internals) in memory, restored from its changelog on
     * start: the state is small, and no RocksDB native library has to load into the launcher's JVM.
     */
    public static final Class<?> IN_MEMORY = BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class;

    static final Serde<String> KEYS = Serdes.String();
    static final Serde<Fact> FACTS = JsonSerde.of(Fact.class);
    static final Serde<Session> SESSION = JsonSerde.of(Session.class);
    static final Serde<Fact.SeatsChanged> SEATS_CHANGED = JsonSerde.of(Fact.SeatsChanged.class);
    static final Serde<Location> LOCATION = JsonSerde.of(Location.class);
    static final Serde<Booking> BOOKING = JsonSerde.of(Booking.class);
    static final Serde<BookedSession> BOOKED = JsonSerde.of(BookedSession.class);
    static final Serde<Taste> TASTE = JsonSerde.of(Taste.class);
    static final Serde<HostGuests> GUESTS = JsonSerde.of(HostGuests.class);
    static final Serde<Popularity> POPULAR = JsonSerde.of(Popularity.class);

    private RecommendationTopology() {}

    /** The topology for these streams settings (which carry the store choice, {@link #IN_MEMORY}). */
    public static Topology build(Properties settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(settings)));

        KStream<String, Fact> inventory = facts(builder, Topics.INVENTORY_EVENTS);
        KTable<String, Session> sessions = inventory
                .filter((id, fact) -> fact instanceof Fact.SessionPublished || fact instanceof Fact.SessionCancelled)
                .groupByKey(Grouped.with("sessions-by-id", KEYS, FACTS))
                .aggregate(() -> null, (id, fact, session) -> session(fact, session), store(SESSIONS, SESSION));
        inventory
                .filter((id, fact) -> fact instanceof Fact.SeatsChanged)
                .mapValues(fact -> (Fact.SeatsChanged) fact)
                .groupByKey(Grouped.with("seats-by-session", KEYS, SEATS_CHANGED))
                .aggregate(
                        () -> null,
                        (id, change, latest) -> latest == null || !change.at().isBefore(latest.at()) ? change : latest,
                        store(SEATS, SEATS_CHANGED));

        facts(builder, Topics.HOSTING_EVENTS)
                .filter((id, fact) -> fact instanceof Fact.VenueLocated)
                .mapValues(fact -> ((Fact.VenueLocated) fact).location())
                .groupByKey(Grouped.with("venues-by-id", KEYS, LOCATION))
                .aggregate(
                        () -> null,
                        (id, location, known) ->
                                known == null || location.version() >= known.version() ? location : known,
                        store(VENUES, LOCATION));

        KTable<String, Booking> bookings = facts(builder, Topics.BOOKING_EVENTS)
                .filter((id, fact) -> fact instanceof Fact.BookingConfirmed || fact instanceof Fact.BookingCancelled)
                // a cancellation is a tombstone: the booking leaves the table and every sum below it
                .mapValues(fact -> fact instanceof Fact.BookingConfirmed confirmed ? confirmed.booking() : null)
                .toTable(Named.as("bookings-table"), store(BOOKINGS, BOOKING));

        KTable<String, BookedSession> booked = bookings.leftJoin(
                sessions,
                Booking::sessionId,
                BookedSession::of,
                Materialized.<String, BookedSession, KeyValueStore<Bytes, byte[]>>as("booked-sessions")
                        .withKeySerde(KEYS)
                        .withValueSerde(BOOKED));

        booked.groupBy((bookingId, b) -> KeyValue.pair(b.guest(), b), Grouped.with("bookings-by-guest", KEYS, BOOKED))
                .aggregate(
                        Taste::none,
                        (guest, b, taste) -> taste.add(b),
                        (guest, b, taste) -> taste.remove(b),
                        store(TASTES, TASTE));

        booked.filter((bookingId, b) -> b.host() != null)
                .groupBy(
                        (bookingId, b) -> KeyValue.pair(b.host(), b.guest()),
                        Grouped.with("guests-by-host", KEYS, KEYS))
                .aggregate(
                        HostGuests::none,
                        (host, guest, guests) -> guests.add(guest),
                        (host, guest, guests) -> guests.remove(guest),
                        store(HOST_GUESTS, GUESTS));

        bookings.groupBy(
                        (bookingId, b) -> KeyValue.pair(b.sessionId(), b),
                        Grouped.with("bookings-by-session", KEYS, BOOKING))
                .aggregate(
                        Popularity::none,
                        (sessionId, b, popularity) -> popularity.add(b),
                        (sessionId, b, popularity) -> popularity.remove(b),
                        store(POPULARITY, POPULAR));

        return builder.build();
    }

    private static KStream<String, Fact> facts(StreamsBuilder builder, String topic) {
        return builder.stream(topic, Consumed.with(KEYS, Serdes.ByteArray()).withName("read-" + topic))
                .processValues(FactReader::new, Named.as("facts-of-" + topic));
    }

    /** A published session, marked cancelled when it is; a cancellation of an unknown session keeps nothing. */
    private static @Nullable Session session(Fact fact, @Nullable Session known) {
        return switch (fact) {
            case Fact.SessionPublished published ->
                known != null && known.cancelled() ? published.session().cancel() : published.session();
            case Fact.SessionCancelled cancelled -> known == null ? null : known.cancel();
            default -> known;
        };
    }

    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(String name, Serde<V> values) {
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(KEYS)
                .withValueSerde(values);
    }
}
