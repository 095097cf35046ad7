package dev.couchannel.inventory.seating;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.ConfirmSeats;
import dev.couchannel.contracts.inventory.v1.HoldSeats;
import dev.couchannel.contracts.inventory.v1.ReleaseSeats;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.inventory.InventoryApplication;
import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Seat commands arriving over the real broker, replies leaving through the outbox. */
@SpringBootTest(
        classes = InventoryApplication.class,
        properties = {"spring.config.name=inventory", "spring.grpc.server.port=0", "couchannel.holds.expiry-sweep=200ms"
        })
class SeatCommandsIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "inventory");
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    Sessions sessions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    TopicProbe replies;
    TopicProbe events;
    UUID sessionId;

    @BeforeEach
    void aSessionWithFourSeats() {
        replies = TopicProbe.on(Topics.BOOKING_REPLIES);
        events = TopicProbe.on(Topics.INVENTORY_EVENTS);
        sessionId = UUID.randomUUID();
        UUID fixtureId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            fixtures.add(new Fixture(
                    fixtureId,
                    "Ekstraklasa",
                    "Legia Warszawa",
                    "Lech Poznań",
                    Instant.now().plusSeconds(86_400),
                    "PL",
                    null));
            sessions.add(ViewingSession.publish(
                    sessionId,
                    fixtureId,
                    UUID.randomUUID(),
                    "host@example.com",
                    4,
                    Money.of("30.00", "PLN"),
                    RefundPolicy.FLEXIBLE,
                    "Salon"));
        });
    }

    @AfterEach
    void closeProbes() {
        replies.close();
        events.close();
    }

    @Test
    void holdConfirmAndReleaseMoveSeatsAndReply() {
        UUID booking = UUID.randomUUID();

        send(hold(booking, 3, Instant.now().plusSeconds(600)));
        reply(booking, "couchannel.inventory.v1.SeatsHeld");
        assertThat(seats()).isEqualTo(new Seats(4, 1, 3, 0));

        send(ConfirmSeats.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(sessionId.toString())
                .build());
        reply(booking, "couchannel.inventory.v1.SeatsConfirmed");
        assertThat(seats()).isEqualTo(new Seats(4, 1, 0, 3));

        send(ReleaseSeats.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(sessionId.toString())
                .setReason("cancelled")
                .build());
        reply(booking, "couchannel.inventory.v1.SeatsReleased");
        assertThat(seats()).isEqualTo(Seats.empty(4));
        events.await(
                record -> sessionId.toString().equals(record.key())
                        && "couchannel.inventory.v1.SeatAvailabilityChanged".equals(header(record, "ce_type")),
                WAIT);
    }

    @Test
    void tooManySeatsAreRefusedWithAReasonAGuestCanRead() throws Exception {
        UUID booking = UUID.randomUUID();

        send(hold(booking, 5, Instant.now().plusSeconds(600)));

        ConsumerRecord<String, byte[]> record = reply(booking, "couchannel.inventory.v1.SeatsUnavailable");
        assertThat(SeatsUnavailable.parseFrom(record.value()).getReason()).isEqualTo("Only 4 seats are left.");
        assertThat(seats()).isEqualTo(Seats.empty(4));
    }

    @Test
    void aRepeatedHoldHoldsOnce() {
        UUID booking = UUID.randomUUID();
        HoldSeats hold = hold(booking, 2, Instant.now().plusSeconds(600));

        send(hold);
        send(hold); // a new message id: the inbox lets it through, the hold itself is idempotent

        assertThat(replies.awaitCount(record -> booking.toString().equals(record.key()), 2, WAIT))
                .allMatch(record -> "couchannel.inventory.v1.SeatsHeld".equals(header(record, "ce_type")));
        assertThat(seats()).isEqualTo(new Seats(4, 2, 2, 0));
    }

    @Test
    void anExpiredHoldGivesItsSeatsBackWithoutAnySaga() {
        UUID booking = UUID.randomUUID();

        send(hold(booking, 2, Instant.now().plusMillis(500)));
        reply(booking, "couchannel.inventory.v1.SeatsHeld");

        events.await(
                record -> "couchannel.inventory.v1.HoldExpired".equals(header(record, "ce_type"))
                        && sessionId.toString().equals(record.key()),
                WAIT);
        assertThat(seats()).isEqualTo(Seats.empty(4));

        send(ConfirmSeats.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(sessionId.toString())
                .build());
        reply(booking, "couchannel.inventory.v1.SeatsConfirmationFailed");
        assertThat(seats()).isEqualTo(Seats.empty(4));
    }

    private HoldSeats hold(UUID booking, int count, Instant until) {
        return HoldSeats.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(sessionId.toString())
                .setSeats(count)
                .setHoldUntil(WireTime.of(until))
                .build();
    }

    private void send(Message command) {
        CloudEvent event = ProtobufEvents.wrap("booking", sessionId.toString(), command, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(Topics.INVENTORY_COMMANDS, event));
    }

    private ConsumerRecord<String, byte[]> reply(UUID booking, String type) {
        Predicate<ConsumerRecord<String, byte[]>> match =
                record -> booking.toString().equals(record.key()) && type.equals(header(record, "ce_type"));
        return replies.await(match, WAIT);
    }

    private Seats seats() {
        return sessions.find(sessionId).orElseThrow().seats();
    }
}
