package dev.couchannel.launcher;

import static dev.couchannel.launcher.StackClient.ID;
import static dev.couchannel.launcher.StackClient.WAIT;
import static dev.couchannel.launcher.StackClient.demoId;
import static dev.couchannel.launcher.StackClient.match;
import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.couchannel.contracts.Topics;
import dev.couchannel.platform.testing.TopicProbe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * One test per way a booking saga fails, on the whole stack: a declined card, a compliance
 * refusal, an expired quote, a participant down past its step's deadline, and a reply that comes
 * after the deadline. Each asserts exactly which compensations went over the wire, then that the
 * seats are back, that the guest's money is back (nothing captured, or all of it refunded) and
 * that the ledger balances.
 */
class SagaFailuresIT {

    static final String GUEST = "guest@example.com";
    static final Set<String> ALL = Set.of("VoidPayment", "ReleaseQuote", "ReleaseSeats");

    @TempDir
    static Path data;

    static Stack stack;
    static StackClient client;
    static List<TopicProbe> commands;

    @BeforeAll
    static void up() throws Exception {
        stack = Stack.start(StackConfig.forTests(data)
                // one guest books past the venue's attendee cap below, so the anti-scalping cap must not stop it first
                .with("couchannel.booking.seats-per-guest-per-session", "20")
                .with("couchannel.saga.step-timeout", "8s")
                .with("couchannel.saga.deadline-sweep", "250ms")
                .with("couchannel.pricing.quote-ttl", "2s")
                .with("couchannel.payment.sandbox.slow-delay", "12s"));
        assertThat(Launcher.awaitReady(stack.gateway().resolve("/readinessz"), WAIT))
                .isTrue();
        client = new StackClient(stack);
        String broker = stack.infrastructure().kafka().bootstrapServers();
        commands = Stream.of(Topics.INVENTORY_COMMANDS, Topics.PRICING_COMMANDS, Topics.PAYMENT_COMMANDS)
                .map(topic -> TopicProbe.on(topic, broker))
                .toList();
    }

    @AfterAll
    static void down() {
        commands.forEach(TopicProbe::close);
        stack.close();
    }

    @Test
    void aDeclinedCardReleasesTheQuoteAndTheSeats() throws Exception {
        String session = session(10);

        String booking = rejected(client.book(GUEST, session, 2, "pm_card_declined"));

        assertThat(reason(booking)).isEqualTo("Your card was declined.");
        assertCompensatedExactly(booking, Set.of("ReleaseQuote", "ReleaseSeats"));
        assertSeatsAndMoneyBack(session, 10, booking, "DECLINED");
    }

    @Test
    void aComplianceRefusalReleasesTheQuoteAndTheSeatsAndNeverTouchesTheCard() throws Exception {
        // a home in Kraków seats 10: a session offering 15 must not fill past the venue's capacity
        String session = client.sessionWithSeats(15, demoId("venue:krakow-kazimierz-loft:0"))
                .toString();

        String booking = rejected(client.book(GUEST, session, 12, "pm_card_visa"));

        assertThat(reason(booking)).contains("more than its limit of 10").contains("attendee-cap");
        assertCompensatedExactly(booking, Set.of("ReleaseQuote", "ReleaseSeats"));
        assertThat(commandsOf(booking)).noneMatch(type -> type.endsWith("Payment"));
        assertSeatsAndMoneyBack(session, 15, booking, null);
    }

    @Test
    void anExpiredQuoteReleasesTheSeats() throws Exception {
        String session = session(10);
        String quote = client.post("/api/quotes", GUEST, "{\"sessionId\":\"" + session + "\",\"seats\":2}")
                .body();
        Instant expiresAt = Instant.parse(match(Pattern.compile("\"expiresAt\":\"([^\"]+)\""), quote));
        await().atMost(WAIT).until(() -> Instant.now().isAfter(expiresAt));

        String booking = rejected(client.book(
                GUEST,
                "{\"sessionId\":\"" + session + "\",\"seats\":2,\"paymentMethod\":\"pm_card_visa\",\"quoteId\":\""
                        + match(ID, quote) + "\"}"));

        assertThat(reason(booking)).containsIgnoringCase("expired");
        assertCompensatedExactly(booking, Set.of("ReleaseSeats"));
        assertSeatsAndMoneyBack(session, 10, booking, null);
    }

    @Test
    void paymentDownPastTheDeadlineRejectsThenUndoesTheAuthorizationWhenPaymentIsBack() throws Exception {
        String session = session(10);
        KafkaListenerEndpointRegistry payment = stack.bean("payment", KafkaListenerEndpointRegistry.class);
        payment.stop();
        String booking;
        try {
            booking = rejected(client.book(GUEST, session, 1, "pm_card_visa"));

            assertThat(reason(booking)).contains("could not complete your booking in time");
            // seats and quote come back at once; the authorization is undone when payment is back
            await().atMost(WAIT).until(() -> client.seatsLeft(session) == 10);
            assertThat(sagaState(booking)).isEqualTo("COMPENSATING");
        } finally {
            payment.start();
        }
        assertCompensatedExactly(booking, ALL);
        assertSeatsAndMoneyBack(session, 10, booking, "VOIDED");
    }

    @Test
    void anAuthorizationThatArrivesAfterTheDeadlineIsVoided() throws Exception {
        String session = session(10);

        // the sandbox's slow card answers after 12 s; the step's deadline is 8 s
        String booking = rejected(client.book(GUEST, session, 1, "pm_card_slow"));

        assertThat(reason(booking)).contains("could not complete your booking in time");
        assertCompensatedExactly(booking, ALL);
        assertSeatsAndMoneyBack(session, 10, booking, "VOIDED");
    }

    private String session(int seats) {
        return client.sessionWithSeats(seats, demoId("venue:krakow-kazimierz-loft:0"))
                .toString();
    }

    private String rejected(java.net.http.HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String booking = match(ID, accepted.body());
        assertThat(client.awaitDecision(GUEST, booking)).isEqualTo("REJECTED");
        return booking;
    }

    private String reason(String booking) throws Exception {
        return match(
                Pattern.compile("\"reason\":\"([^\"]+)\""),
                client.get("/api/bookings/" + booking, GUEST).body());
    }

    /** Once the saga has had every compensation confirmed: exactly these kinds went out, and nothing else undid anything. */
    private void assertCompensatedExactly(String booking, Set<String> expected) {
        await().atMost(WAIT).until(() -> "FAILED".equals(sagaState(booking)));
        Set<String> compensations =
                commandsOf(booking).stream().filter(ALL::contains).collect(Collectors.toSet());
        assertThat(compensations).isEqualTo(expected);
    }

    /** The names of every command the saga sent for this booking, in the order seen per topic. */
    private List<String> commandsOf(String booking) {
        return commands.stream()
                .flatMap(probe -> probe.readToEnd(WAIT).stream())
                .filter(record -> concerns(record, booking))
                .map(record -> header(record, "ce_type").replaceAll(".*\\.", ""))
                .toList();
    }

    /** Inventory's commands are keyed by session, the others by booking: look into the payload too. */
    private static boolean concerns(ConsumerRecord<String, byte[]> record, String booking) {
        return booking.equals(record.key())
                || new String(record.value(), StandardCharsets.ISO_8859_1).contains(booking);
    }

    private void assertSeatsAndMoneyBack(String session, int seats, String booking, String paymentStatus)
            throws Exception {
        await().atMost(WAIT).until(() -> client.seatsLeft(session) == seats);
        if (paymentStatus == null) {
            assertThat(client.get("/api/payments/" + booking, GUEST).statusCode())
                    .isEqualTo(404);
        } else {
            await().atMost(WAIT)
                    .until(
                            () -> client.get("/api/payments/" + booking, GUEST).body(),
                            body -> body.contains("\"status\":\"" + paymentStatus + "\""));
        }
        JdbcClient ledger = stack.bean("payment", JdbcClient.class);
        BigDecimal keptFromGuest = ledger.sql("""
                        SELECT coalesce(sum(l.amount), 0) FROM journal_legs l
                        JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.booking_id = :booking AND l.account = 'provider_clearing'
                        """)
                .param("booking", UUID.fromString(booking))
                .query(BigDecimal.class)
                .single();
        assertThat(keptFromGuest).as("money kept from the guest").isZero();
        List<BigDecimal> unbalanced = ledger.sql(
                        "SELECT sum(amount) FROM journal_legs GROUP BY currency HAVING sum(amount) <> 0")
                .query(BigDecimal.class)
                .list();
        assertThat(unbalanced).as("the ledger balances in every currency").isEmpty();
    }

    private String sagaState(String booking) {
        return stack.bean("booking", JdbcClient.class)
                .sql("SELECT state FROM booking_sagas WHERE booking_id = :id")
                .param("id", UUID.fromString(booking))
                .query(String.class)
                .single();
    }
}
