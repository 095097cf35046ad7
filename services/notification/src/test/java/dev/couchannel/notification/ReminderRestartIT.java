package dev.couchannel.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.notification.facts.FactsSource;
import dev.couchannel.notification.messaging.Notifier;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders live in PostgreSQL: scheduled by one instance, which stops before they are due, and
 * sent by the next one, each exactly once, as its clock passes their times.
 */
class ReminderRestartIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DATABASE = "notification_restart";

    final TestClock clock = new TestClock();

    @Test
    void remindersScheduledBeforeARestartAreSentOnceAfterIt() {
        String guest = "restart-" + UUID.randomUUID() + "@example.com";
        Instant kickoff = clock.instant().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.MINUTES);
        String session = FakeFacts.INSTANCE.session(kickoff);
        String booking = UUID.randomUUID().toString();

        try (ConfigurableApplicationContext first = Contexts.start(DATABASE, clock)) {
            confirm(first, booking, session, guest);
            assertThat(reminders(first, booking, "PENDING")).isEqualTo(2);
        }

        try (ConfigurableApplicationContext second = Contexts.start(DATABASE, clock)) {
            // the confirmation goes out; no reminder is due yet
            await().atMost(WAIT)
                    .until(() -> !Mails.to(guest, "Booking confirmed").isEmpty());
            assertThat(reminders(second, booking, "PENDING")).isEqualTo(2);

            clock.advance(Duration.ofHours(6).plusMinutes(1)); // 24 h before kickoff has passed
            await().atMost(WAIT).until(() -> !Mails.to(guest, "Tomorrow").isEmpty());
            await().atMost(WAIT).until(() -> reminders(second, booking, "SENT") == 1);
            assertThat(Mails.to(guest, "In 2 hours")).isEmpty();

            clock.advance(Duration.ofHours(22)); // 2 h before kickoff has passed
            await().atMost(WAIT).until(() -> !Mails.to(guest, "In 2 hours").isEmpty());
            await().atMost(WAIT).until(() -> reminders(second, booking, "SENT") == 2);
            await().atMost(WAIT).until(() -> pending(second, guest) == 0);

            clock.advance(Duration.ofHours(1));
            // a later mail to the same guest, queued after the clock moved: once it is out, any
            // repeated reminder would have been sent before it
            confirm(
                    second,
                    UUID.randomUUID().toString(),
                    FakeFacts.INSTANCE.session(kickoff.plus(Duration.ofDays(7))),
                    guest);
            await().atMost(WAIT)
                    .until(() -> Mails.to(guest, "Booking confirmed").size() == 2);
            await().atMost(WAIT).until(() -> pending(second, guest) == 0);

            assertThat(Mails.to(guest, "Tomorrow")).hasSize(1);
            assertThat(Mails.to(guest, "In 2 hours")).hasSize(1);
            assertThat(Mails.to(guest, "Tomorrow").getFirst().subject())
                    .isEqualTo("Tomorrow: Legia Warszawa vs Lech Poznań");
        }
    }

    @Test
    void remindersAlreadyDueAtConfirmationAreNotScheduled() {
        String guest = "late-" + UUID.randomUUID() + "@example.com";
        Instant kickoff = clock.instant().plus(Duration.ofHours(5));
        String booking = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext context = Contexts.start(DATABASE, clock)) {
            confirm(context, booking, FakeFacts.INSTANCE.session(kickoff), guest);
            assertThat(reminders(context, booking, "PENDING")).isEqualTo(1);
            assertThat(context.getBean(JdbcClient.class)
                            .sql("SELECT kind FROM reminders WHERE booking_id = :b")
                            .param("b", booking)
                            .query(String.class)
                            .single())
                    .isEqualTo("H2");
        }
    }

    /** What the Kafka listener does with a BookingConfirmed, minus Kafka. */
    private static void confirm(ConfigurableApplicationContext context, String booking, String session, String guest) {
        CloudEvent event = ProtobufEvents.wrap(
                "booking",
                booking,
                BookingConfirmed.newBuilder()
                        .setBookingId(booking)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setSeats(1)
                        .build(),
                Instant.now());
        var facts = context.getBean(FactsSource.class).session(session);
        context.getBean(TransactionTemplate.class)
                .executeWithoutResult(status -> context.getBean(Notifier.class).handle(event, facts));
    }

    private static long reminders(ConfigurableApplicationContext context, String booking, String status) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM reminders WHERE booking_id = :b AND status = :s")
                .param("b", booking)
                .param("s", status)
                .query(Long.class)
                .single();
    }

    private static long pending(ConfigurableApplicationContext context, String guest) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM outbound_mail WHERE recipient = :u AND status <> 'SENT'")
                .param("u", guest)
                .query(Long.class)
                .single();
    }
}
