package dev.couchannel.booking;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.couchannel.booking.reservation.application.IdempotencyKeyRetention;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.audit.v1.AuditRecorded;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.compliance.v1.BookingAllowed;
import dev.couchannel.contracts.compliance.v1.BookingRefused;
import dev.couchannel.contracts.inventory.v1.HoldSeats;
import dev.couchannel.contracts.inventory.v1.ReleaseSeats;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmed;
import dev.couchannel.contracts.inventory.v1.SeatsHeld;
import dev.couchannel.contracts.inventory.v1.SeatsReleased;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.contracts.inventory.v1.SessionCancellationCause;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.payment.v1.AuthorizePayment;
import dev.couchannel.contracts.payment.v1.PaymentAuthorized;
import dev.couchannel.contracts.payment.v1.PaymentCaptured;
import dev.couchannel.contracts.payment.v1.PaymentDeclined;
import dev.couchannel.contracts.payment.v1.PaymentRefundFailed;
import dev.couchannel.contracts.payment.v1.PaymentRefundResolved;
import dev.couchannel.contracts.payment.v1.PaymentRefunded;
import dev.couchannel.contracts.payment.v1.RefundPayment;
import dev.couchannel.contracts.pricing.v1.ConfirmQuote;
import dev.couchannel.contracts.pricing.v1.QuoteConfirmed;
import dev.couchannel.contracts.pricing.v1.QuoteReleased;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The booking API and saga over the real database and broker; the test plays inventory, so every
 * reply (including late and missing ones) is under its control.
 */
@SpringBootTest(
        classes = BookingApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=booking",
            "couchannel.saga.step-timeout=3s",
            "couchannel.saga.deadline-sweep=200ms"
        })
class BookingFlowIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    static final FakeSessionCatalog CATALOG = FakeSessionCatalog.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "booking");
        registry.add("spring.grpc.client.channel.inventory.target", CATALOG::target);
    }

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyKeyRetention keyRetention;

    final HttpClient http = HttpClient.newHttpClient();
    final UUID sessionId = UUID.randomUUID();
    TopicProbe commands;
    TopicProbe pricing;
    TopicProbe compliance;
    TopicProbe payments;

    @BeforeEach
    void listenAsTheParticipants() {
        commands = TopicProbe.on(Topics.INVENTORY_COMMANDS);
        pricing = TopicProbe.on(Topics.PRICING_COMMANDS);
        compliance = TopicProbe.on(Topics.COMPLIANCE_COMMANDS);
        payments = TopicProbe.on(Topics.PAYMENT_COMMANDS);
    }

    @AfterEach
    void close() {
        commands.close();
        pricing.close();
        compliance.close();
        payments.close();
    }

    @Test
    void aBookingIsConfirmedOnceSeatsAreHeldPaidSoldAndCaptured() throws Exception {
        HttpResponse<String> accepted =
                book("guest@example.com", UUID.randomUUID().toString(), body(2));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = idOf(accepted);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/bookings/" + id);
        assertThat(accepted.body()).contains("\"status\":\"PENDING\"");

        command(id, "HoldSeats");
        reply(id, seatsHeld(id, 2));
        ConfirmQuote lock = ConfirmQuote.parseFrom(
                bookingCommand(pricing, id, "pricing", "ConfirmQuote").value());
        assertThat(lock.getSeats()).isEqualTo(2);
        assertThat(lock.getQuoteId()).isEmpty(); // no quote in the request: priced now
        reply(id, quoteConfirmed(id, "25.00"));
        bookingCommand(compliance, id, "compliance", "CheckBooking");
        reply(id, BookingAllowed.newBuilder().setBookingId(id).build());
        ConsumerRecord<String, byte[]> authorize = paymentCommand(id, "AuthorizePayment");
        AuthorizePayment charge = AuthorizePayment.parseFrom(authorize.value());
        assertThat(charge.getAmount().getAmount()).isEqualTo("25.00");
        assertThat(charge.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(charge.getPaymentMethod()).isEqualTo("pm_card_visa");
        assertThat(charge.getHostId()).isEqualTo("host@example.com");
        assertThat(authorize.key()).isEqualTo(id);
        reply(id, PaymentAuthorized.newBuilder().setBookingId(id).build());
        command(id, "ConfirmSeats");
        reply(
                id,
                SeatsConfirmed.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .build());
        paymentCommand(id, "CapturePayment");
        reply(id, PaymentCaptured.newBuilder().setBookingId(id).build());

        String confirmed = awaitStatus("guest@example.com", id, "CONFIRMED");
        assertThat(confirmed).contains("\"total\":{\"amount\":\"25.00\",\"currency\":\"EUR\"}");
    }

    @Test
    void aConfirmedBookingCancelledInTimeGivesSeatsAndMoneyBack() throws Exception {
        String id = confirmedBooking("guest@example.com", 2, "25.00");

        assertProblem(cancel("guest2@example.com", id), 404);
        HttpResponse<String> cancelled = cancel("guest@example.com", id);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body())
                .contains("\"status\":\"CANCELLED\"")
                .contains("\"refund\":{\"amount\":\"25.00\",\"currency\":\"EUR\"}")
                .contains("\"cancelledBy\":\"GUEST\"")
                .contains("\"refundStatus\":\"PENDING\"");
        assertThat(ReleaseSeats.parseFrom(command(id, "ReleaseSeats").value()).getReason())
                .isEqualTo("cancelled by the guest");
        RefundPayment refund =
                RefundPayment.parseFrom(paymentCommand(id, "RefundPayment").value());
        assertThat(refund.getAmount().getAmount()).isEqualTo("25.00");
        assertThat(refund.getHostPenalty().getAmount()).isEqualTo("0.00");
        assertProblem(cancel("guest@example.com", id), 409); // only once

        seatsReleased(id);
        reply(id, refunded(id, "25.00"));
        assertThat(awaitStatus("guest@example.com", id, "CANCELLED")).isNotNull();
        await().atMost(WAIT)
                .until(() -> status("guest@example.com", id).body().contains("\"refundStatus\":\"SETTLED\""));
        assertThat(cancellationState(id)).isEqualTo("COMPLETED");
    }

    @Test
    void aCancellationAsksPaymentAgainUntilTheRefundIsConfirmed() throws Exception {
        String id = confirmedBooking("guest@example.com", 1, "12.50");
        cancel("guest@example.com", id);
        command(id, "ReleaseSeats");
        seatsReleased(id);

        // payment does not answer: the refund is asked again after the deadline (same amount, same booking)
        List<ConsumerRecord<String, byte[]>> refunds =
                payments.awaitCount(bookingCommandFor(id, "payment", "RefundPayment"), 2, WAIT);
        assertThat(refunds)
                .extracting(record ->
                        RefundPayment.parseFrom(record.value()).getAmount().getAmount())
                .containsOnly("12.50");
        assertThat(commands.records())
                .filteredOn(commandFor(id, "ReleaseSeats"))
                .hasSize(1);
        assertThat(status("guest@example.com", id).body()).contains("\"refundStatus\":\"PENDING\"");

        reply(id, refunded(id, "12.50"));
        await().atMost(WAIT).until(() -> "COMPLETED".equals(cancellationState(id)));
        assertThat(status("guest@example.com", id).body()).contains("\"refundStatus\":\"SETTLED\"");
    }

    @Test
    void aRefundThePaymentProviderRefusesForGoodIsNotAskedAgainAndTheBookingSaysSo() throws Exception {
        String id = confirmedBooking("guest@example.com", 1, "30.00");
        cancel("guest@example.com", id);
        paymentCommand(id, "RefundPayment");

        reply(
                id,
                PaymentRefundFailed.newBuilder()
                        .setBookingId(id)
                        .setAmount(Money.newBuilder().setAmount("30.00").setCurrency("EUR"))
                        .setCode("refund_declined")
                        .setReason("The card this booking was paid with can no longer receive refunds.")
                        .build());
        await().atMost(WAIT)
                .until(() -> status("guest@example.com", id).body().contains("\"refundStatus\":\"FAILED\""));

        // inventory does not answer yet: its release is asked again at the next deadline, the refund is not
        int releasesBefore = commands.readToEnd(WAIT).stream()
                .filter(commandFor(id, "ReleaseSeats"))
                .toList()
                .size();
        assertThat(commands.awaitCount(commandFor(id, "ReleaseSeats"), releasesBefore + 1, WAIT))
                .hasSizeGreaterThan(releasesBefore);
        assertThat(cancellationState(id)).isEqualTo("RUNNING");

        seatsReleased(id);
        await().atMost(WAIT).until(() -> "REFUND_FAILED".equals(cancellationState(id)));
        assertThat(status("guest@example.com", id).body())
                .contains("\"status\":\"CANCELLED\"")
                .contains("\"refundStatus\":\"FAILED\"");
        assertThat(jdbc.sql("SELECT refund_failure_code FROM booking_cancellations WHERE booking_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("refund_declined");
        // before the failure every deadline asked both again; after it, only the seats
        int releases = commands.readToEnd(WAIT).stream()
                .filter(commandFor(id, "ReleaseSeats"))
                .toList()
                .size();
        assertThat(refundsAskedOf(id))
                .as("the refund is not asked again once it failed")
                .isLessThan(releases);

        // an operator gives the money back by bank transfer: the refund is settled
        reply(
                id,
                PaymentRefundResolved.newBuilder()
                        .setBookingId(id)
                        .setRepaid(Money.newBuilder().setAmount("30.00").setCurrency("EUR"))
                        .setReference("SEPA-0042")
                        .build());
        await().atMost(WAIT)
                .until(() -> status("guest@example.com", id).body().contains("\"refundStatus\":\"SETTLED\""));
        assertThat(status("guest@example.com", id).body()).contains("\"status\":\"CANCELLED\"");
    }

    @Test
    void aRefundThatFailsAfterItWasSettledTurnsTheBookingsRefundFailed() throws Exception {
        String id = confirmedBooking("guest@example.com", 1, "12.50");
        cancel("guest@example.com", id);
        paymentCommand(id, "RefundPayment");
        seatsReleased(id);
        reply(id, refunded(id, "12.50"));
        await().atMost(WAIT).until(() -> "COMPLETED".equals(cancellationState(id)));
        assertThat(status("guest@example.com", id).body()).contains("\"refundStatus\":\"SETTLED\"");

        // the provider accepted the refund, then failed it (payment learnt it from a webhook)
        reply(id, refundFailed(id, "12.50", "expired_or_canceled_card"));

        await().atMost(WAIT).until(() -> "REFUND_FAILED".equals(cancellationState(id)));
        assertThat(status("guest@example.com", id).body())
                .contains("\"status\":\"CANCELLED\"")
                .contains("\"refundStatus\":\"FAILED\"");
        assertThat(jdbc.sql("SELECT refund_failure_code FROM booking_cancellations WHERE booking_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("expired_or_canceled_card");
    }

    @Test
    void aVoidWhoseRefundIsRefusedForGoodEndsTheCompensationAndTheRejectedBookingSaysSo() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(1)));
        command(id, "HoldSeats");
        reply(id, seatsHeld(id, 1));
        reply(id, quoteConfirmed(id, "12.50"));
        reply(id, BookingAllowed.newBuilder().setBookingId(id).build());
        paymentCommand(id, "AuthorizePayment");
        reply(id, PaymentAuthorized.newBuilder().setBookingId(id).build());
        command(id, "ConfirmSeats");
        reply(
                id,
                SeatsConfirmed.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .build());
        paymentCommand(id, "CapturePayment");
        // the capture's answer is lost past the deadline although the money was taken: the saga compensates
        assertThat(awaitStatus("guest@example.com", id, "REJECTED")).doesNotContain("\"refundStatus\":\"FAILED\"");
        paymentCommand(id, "VoidPayment");

        reply(id, refundFailed(id, "12.50", "refund_declined"));
        await().atMost(WAIT)
                .until(() -> status("guest@example.com", id).body().contains("\"refundStatus\":\"FAILED\""));
        reply(id, QuoteReleased.newBuilder().setBookingId(id).build());
        seatsReleased(id);

        await().atMost(WAIT).until(() -> "FAILED".equals(sagaState(id)));
        assertThat(status("guest@example.com", id).body())
                .contains("\"status\":\"REJECTED\"")
                .contains("\"refundStatus\":\"FAILED\"");
        assertThat(jdbc.sql("SELECT pending_compensations::text FROM booking_sagas WHERE booking_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .as("the void is not owed any more")
                .doesNotContain("VOID_PAYMENT");
        assertThat(jdbc.sql("SELECT count(*) FROM booking_cancellations WHERE booking_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static PaymentRefundFailed refundFailed(String bookingId, String amount, String code) {
        return PaymentRefundFailed.newBuilder()
                .setBookingId(bookingId)
                .setAmount(Money.newBuilder().setAmount(amount).setCurrency("EUR"))
                .setCode(code)
                .setReason("The payment provider could not give the money back.")
                .build();
    }

    private int refundsAskedOf(String bookingId) {
        return payments.readToEnd(WAIT).stream()
                .filter(bookingCommandFor(bookingId, "payment", "RefundPayment"))
                .toList()
                .size();
    }

    @Test
    void anAdminCancelsAnyBookingWithAFullRefund() throws Exception {
        CATALOG.session(sessionId.toString(), "STRICT", Instant.now().plus(Duration.ofDays(30)));
        String id = confirmedBooking("guest@example.com", 1, "12.50");

        HttpResponse<String> cancelled = cancel("admin@example.com", id);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body())
                .contains("\"cancelledBy\":\"ADMIN\"")
                .contains("\"refund\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        RefundPayment refund =
                RefundPayment.parseFrom(paymentCommand(id, "RefundPayment").value());
        assertThat(refund.getAmount().getAmount()).isEqualTo("12.50");
        assertThat(refund.getHostPenalty().getAmount()).isEqualTo("0.00");
        try (TopicProbe audit = TopicProbe.on(Topics.AUDIT_EVENTS)) {
            AuditRecorded recorded = AuditRecorded.parseFrom(
                    audit.await(record -> record.key().equals("booking:" + id), Duration.ofSeconds(10))
                            .value());
            assertThat(recorded.getAction()).isEqualTo("booking.cancelled-by-admin");
            assertThat(recorded.getActor()).isEqualTo("admin@example.com");
            assertThat(recorded.getDetailsMap()).containsEntry("guest", "guest@example.com");
        }
    }

    @Test
    void aHostCancellingTheSessionRefundsEveryBookingInFullAndChargesAPenalty() throws Exception {
        CATALOG.session(sessionId.toString(), "STRICT", Instant.now().plus(Duration.ofDays(30)));
        String first = confirmedBooking("guest@example.com", 2, "25.00");
        String second = confirmedBooking("guest2@example.com", 1, "12.50");
        String inFlight = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(1)));
        command(inFlight, "HoldSeats");

        sessionCancelled(SessionCancellationCause.CANCELLED_BY_HOST, "the screen broke");

        for (String[] booking : new String[][] {
            {first, "guest@example.com", "25.00", "5.00"}, {second, "guest2@example.com", "12.50", "2.50"}
        }) {
            String body = awaitStatus(booking[1], booking[0], "CANCELLED");
            assertThat(body)
                    .contains("\"cancelledBy\":\"HOST\"")
                    .contains("the host cancelled the session: the screen broke")
                    .contains("\"refund\":{\"amount\":\"" + booking[2] + "\""); // in full, whatever the policy
            RefundPayment refund = RefundPayment.parseFrom(
                    paymentCommand(booking[0], "RefundPayment").value());
            assertThat(refund.getAmount().getAmount()).isEqualTo(booking[2]);
            assertThat(refund.getHostPenalty().getAmount()).isEqualTo(booking[3]); // 20 %
            command(booking[0], "ReleaseSeats");
        }

        // the booking still in its saga confirms after the session was cancelled: it is cancelled at once
        playToConfirmation(inFlight, 1, "12.50");
        String late = awaitStatus("guest@example.com", inFlight, "CANCELLED");
        assertThat(late).contains("\"cancelledBy\":\"HOST\"");
        assertThat(RefundPayment.parseFrom(
                                paymentCommand(inFlight, "RefundPayment").value())
                        .getHostPenalty()
                        .getAmount())
                .isEqualTo("2.50");

        // a redelivered or repeated SessionCancelled cancels nothing twice
        sessionCancelled(SessionCancellationCause.CANCELLED_BY_HOST, "the screen broke");
        assertThat(jdbc.sql("SELECT count(*) FROM booking_cancellations WHERE session_id = :s")
                        .param("s", sessionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aPostponedMatchRefundsInFullWithoutPenalty() throws Exception {
        String id = confirmedBooking("guest@example.com", 1, "12.50");

        sessionCancelled(SessionCancellationCause.FIXTURE_POSTPONED, "");

        assertThat(awaitStatus("guest@example.com", id, "CANCELLED"))
                .contains("\"cancelledBy\":\"FIXTURE_POSTPONED\"")
                .contains("the match was postponed");
        RefundPayment refund =
                RefundPayment.parseFrom(paymentCommand(id, "RefundPayment").value());
        assertThat(refund.getAmount().getAmount()).isEqualTo("12.50");
        assertThat(refund.getHostPenalty().getAmount()).isEqualTo("0.00");
    }

    @Test
    void aWaitlistOfferTravelsWithTheHold() throws Exception {
        String offer = UUID.randomUUID().toString();
        String json = "{\"sessionId\":\"" + sessionId + "\",\"seats\":2,\"paymentMethod\":\"pm_card_visa\","
                + "\"waitlistOfferId\":\"" + offer + "\"}";

        HttpResponse<String> accepted =
                book("guest@example.com", UUID.randomUUID().toString(), json);

        assertThat(accepted.body()).contains("\"waitlistOfferId\":\"" + offer + "\"");
        HoldSeats hold =
                HoldSeats.parseFrom(command(idOf(accepted), "HoldSeats").value());
        assertThat(hold.getWaitlistOfferId()).isEqualTo(offer);
        assertThat(hold.getGuestId()).isEqualTo("guest@example.com");
        assertThat(payments.records()).noneMatch(record -> idOf(accepted).equals(record.key())); // nothing charged yet
    }

    @Test
    void idempotencyKeysAreKeptForTheRetentionThenForgotten() throws Exception {
        String oldKey = UUID.randomUUID().toString();
        String freshKey = UUID.randomUUID().toString();
        book("guest@example.com", oldKey, body(1));
        book("guest@example.com", freshKey, body(1));
        jdbc.sql("UPDATE idempotency_keys SET created_at = now() - interval '49 hours' WHERE key = :key")
                .param("key", oldKey)
                .update();

        assertThat(keyRetention.forgetExpired()).isGreaterThanOrEqualTo(1);

        assertThat(keys(oldKey)).isZero();
        assertThat(keys(freshKey)).isOne();
    }

    private long keys(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    @Test
    void aStrictPolicyGivesTheSeatsBackButNoMoney() throws Exception {
        CATALOG.session(sessionId.toString(), "STRICT", Instant.now().plus(Duration.ofDays(30)));
        String id = confirmedBooking("guest@example.com", 1, "12.50");

        HttpResponse<String> cancelled = cancel("guest@example.com", id);

        assertThat(cancelled.body()).contains("\"refund\":{\"amount\":\"0.00\",\"currency\":\"EUR\"}");
        command(id, "ReleaseSeats");
        assertThat(payments.records())
                .noneMatch(record -> id.equals(record.key())
                        && "couchannel.payment.v1.RefundPayment".equals(header(record, "ce_type")));
    }

    @Test
    void aPendingBookingCannotBeCancelled() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(1)));

        assertProblem(cancel("guest@example.com", id), 409);
    }

    /** Plays every participant through to CONFIRMED. */
    private String confirmedBooking(String guest, int seats, String total) throws Exception {
        String id = idOf(book(guest, UUID.randomUUID().toString(), body(seats)));
        command(id, "HoldSeats");
        playToConfirmation(id, seats, total);
        awaitStatus(guest, id, "CONFIRMED");
        return id;
    }

    /** Answers every step after HoldSeats as a willing participant. */
    private void playToConfirmation(String id, int seats, String total) {
        reply(id, seatsHeld(id, seats));
        reply(id, quoteConfirmed(id, total));
        reply(id, BookingAllowed.newBuilder().setBookingId(id).build());
        paymentCommand(id, "AuthorizePayment");
        reply(id, PaymentAuthorized.newBuilder().setBookingId(id).build());
        command(id, "ConfirmSeats");
        reply(
                id,
                SeatsConfirmed.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .build());
        paymentCommand(id, "CapturePayment");
        reply(id, PaymentCaptured.newBuilder().setBookingId(id).build());
    }

    private HttpResponse<String> cancel(String guest, String id) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings/" + id + "/cancel"))
                        .header("Authorization", TestTokens.bearer(guest))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeclinedCardRejectsWithItsReasonAndReleasesTheSeats() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(1)));
        command(id, "HoldSeats");
        reply(id, seatsHeld(id, 1));
        reply(id, quoteConfirmed(id, "12.50"));
        reply(id, BookingAllowed.newBuilder().setBookingId(id).build());
        paymentCommand(id, "AuthorizePayment");

        reply(
                id,
                PaymentDeclined.newBuilder()
                        .setBookingId(id)
                        .setReason("Your card was declined.")
                        .setCode("card_declined")
                        .build());

        assertThat(awaitStatus("guest@example.com", id, "REJECTED")).contains("Your card was declined.");
        command(id, "ReleaseSeats");
        bookingCommand(pricing, id, "pricing", "ReleaseQuote");
        reply(
                id,
                SeatsReleased.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .build());
        reply(id, QuoteReleased.newBuilder().setBookingId(id).build());
        await().atMost(WAIT).until(() -> "FAILED".equals(sagaState(id)));
    }

    @Test
    void aComplianceRefusalRejectsWithTheRulesReasonAndReleasesQuoteAndSeats() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(4)));
        command(id, "HoldSeats");
        reply(id, seatsHeld(id, 4));
        reply(id, quoteConfirmed(id, "50.00"));
        bookingCommand(compliance, id, "compliance", "CheckBooking");

        reply(
                id,
                BookingRefused.newBuilder()
                        .setBookingId(id)
                        .setReason("At most 10 people may watch at this venue (rule attendee-cap@1).")
                        .build());

        assertThat(awaitStatus("guest@example.com", id, "REJECTED")).contains("attendee-cap@1");
        command(id, "ReleaseSeats");
        bookingCommand(pricing, id, "pricing", "ReleaseQuote");
        assertThat(payments.records()).noneMatch(record -> id.equals(record.key()));
    }

    @Test
    void noSeatsRejectsWithInventorysReason() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(3)));

        command(id, "HoldSeats");
        reply(
                id,
                SeatsUnavailable.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .setReason("Only 2 seats are left.")
                        .build());

        String rejected = awaitStatus("guest@example.com", id, "REJECTED");
        assertThat(rejected).contains("\"reason\":\"Only 2 seats are left.\"");
    }

    @Test
    void inventoryDownPastTheDeadlineRejectsAndReleasesThenALateHoldIsReleasedToo() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(1)));
        command(id, "HoldSeats");

        // nobody answers: after the step deadline the booking is rejected and the hold compensated
        String rejected = awaitStatus("guest@example.com", id, "REJECTED");
        assertThat(rejected).contains("could not complete your booking in time");
        ConsumerRecord<String, byte[]> compensation = command(id, "ReleaseSeats");
        assertThat(ReleaseSeats.parseFrom(compensation.value()).getReason()).contains("HOLD_SEATS timed out");
        reply(
                id,
                SeatsReleased.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .build());
        await().atMost(WAIT).until(() -> "FAILED".equals(sagaState(id)));

        // the hold succeeded after all and its reply arrives late: those seats are given back
        reply(id, seatsHeld(id, 1));
        assertThat(commands.awaitCount(commandFor(id, "ReleaseSeats"), 2, WAIT)).hasSize(2);
        assertThat(status("guest@example.com", id).body()).contains("\"status\":\"REJECTED\"");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplayTheFirstBooking() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = idOf(book("guest@example.com", key, body(2)));

        HttpResponse<String> again = book("guest@example.com", key, body(2));

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(idOf(again)).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE id = :id")
                        .param("id", UUID.fromString(first))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422AndWritesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        book("guest@example.com", key, body(2));
        long before = bookings();

        HttpResponse<String> reused = book("guest@example.com", key, body(3));

        assertProblem(reused, 422);
        assertThat(bookings()).isEqualTo(before);
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() throws Exception {
        long before = bookings();
        String key = UUID.randomUUID().toString();

        assertProblem(book("guest@example.com", key, body(-1)), 400);
        assertProblem(book("guest@example.com", key, body(21)), 400);
        assertProblem(book("guest@example.com", key, "{\"sessionId\":"), 400);
        assertProblem(book("guest@example.com", key, "{\"seats\":2}"), 400);
        assertProblem(book("guest@example.com", null, body(1)), 400);
        assertProblem(book(null, key, body(1)), 401);
        assertProblem(book("guest@example.com", key, "{\"pad\":\"" + "x".repeat(2_000_000) + "\"}"), 413);

        assertThat(bookings()).isEqualTo(before);
    }

    @Test
    void anUnknownSessionIs404AndWritesNothing() throws Exception {
        CATALOG.unknown(sessionId.toString());
        long before = bookings();

        HttpResponse<String> response =
                book("guest@example.com", UUID.randomUUID().toString(), body(1));

        assertProblem(response, 404);
        assertThat(response.body()).contains("No session with id " + sessionId);
        assertThat(bookings()).isEqualTo(before);
    }

    @Test
    void moreSeatsThanTheSessionHasIs400AndWritesNothing() throws Exception {
        CATALOG.session(sessionId.toString(), "PUBLISHED", 3);
        long before = bookings();

        HttpResponse<String> response =
                book("guest@example.com", UUID.randomUUID().toString(), body(4));

        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"seats\"").contains("has 3 seats");
        assertThat(bookings()).isEqualTo(before);
    }

    @Test
    void aGuestCannotHoldMoreThanTheSeatCapOfASessionEvenWithParallelRequests() throws Exception {
        CATALOG.session(sessionId.toString(), "PUBLISHED", 50);
        String guest = "scalper-" + UUID.randomUUID() + "@example.com";
        assertThat(book(guest, UUID.randomUUID().toString(), body(4)).statusCode())
                .isEqualTo(202);

        // 4 + 3 > 6: refused, and the key's claim is rolled back with it
        String key = UUID.randomUUID().toString();
        HttpResponse<String> over = book(guest, key, body(3));
        assertProblem(over, 422);
        assertThat(over.body()).contains("at most 6 seats").contains("\"alreadyBooked\":4");
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .isZero();

        // two requests of 2 at once: 4 + 2 fits, 4 + 2 + 2 does not; exactly one gets in
        List<Integer> statuses;
        try (var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = parallel.submit(() -> book(guest, UUID.randomUUID().toString(), body(2)));
            var second = parallel.submit(() -> book(guest, UUID.randomUUID().toString(), body(2)));
            statuses = List.of(first.get().statusCode(), second.get().statusCode());
        }
        assertThat(statuses).containsExactlyInAnyOrder(202, 422);
        assertThat(jdbc.sql("SELECT sum(seats) FROM bookings WHERE guest_id = :guest AND session_id = :session")
                        .param("guest", guest)
                        .param("session", sessionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(6L);
    }

    @Test
    void aClosedSessionIs409() throws Exception {
        CATALOG.session(sessionId.toString(), "CANCELLED", 10);

        assertProblem(book("guest@example.com", UUID.randomUUID().toString(), body(1)), 409);
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        // another request with this key is inside its transaction right now
        HttpResponse<String> response = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                    .param("lock", "guest@example.com\n" + key)
                    .query(Object.class)
                    .single();
            try {
                return book("guest@example.com", key, body(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertProblem(response, 409);
        assertThat(response.body()).contains("still being processed");
    }

    @Test
    void preferWaitAnswersWithTheDecision() throws Exception {
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer("guest@example.com"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Prefer", "wait=15")
                        .POST(HttpRequest.BodyPublishers.ofString(body(2)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        ConsumerRecord<String, byte[]> hold = commands.await(
                record -> "couchannel.inventory.v1.HoldSeats".equals(header(record, "ce_type"))
                        && sessionId.toString().equals(record.key()),
                WAIT);
        String id = HoldSeats.parseFrom(hold.value()).getBookingId();

        reply(
                id,
                SeatsUnavailable.newBuilder()
                        .setBookingId(id)
                        .setSessionId(sessionId.toString())
                        .setReason("This session is sold out.")
                        .build());

        HttpResponse<String> decided = waiting.get(20, TimeUnit.SECONDS);
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.headers().firstValue("Preference-Applied")).hasValue("wait=15");
        assertThat(decided.body()).contains("\"status\":\"REJECTED\"").contains("sold out");
    }

    @Test
    void anotherGuestsBookingIsNotFound() throws Exception {
        String id = idOf(book("guest@example.com", UUID.randomUUID().toString(), body(1)));

        assertProblem(status("guest2@example.com", id), 404);
        assertThat(status("guest@example.com", id).statusCode()).isEqualTo(200);
        assertThat(status("admin@example.com", id).statusCode()).isEqualTo(200); // an admin sees every booking
    }

    private String body(int seats) {
        return "{\"sessionId\":\"" + sessionId + "\",\"seats\":" + seats + ",\"paymentMethod\":\"pm_card_visa\"}";
    }

    private HttpResponse<String> book(String guest, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (guest != null) {
            request.header("Authorization", TestTokens.bearer(guest));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> status(String guest, String id) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings/" + id))
                        .header("Authorization", TestTokens.bearer(guest))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String awaitStatus(String guest, String id, String expected) {
        return await().atMost(WAIT)
                .until(() -> status(guest, id).body(), body -> body.contains("\"status\":\"" + expected + "\""));
    }

    private Predicate<ConsumerRecord<String, byte[]>> commandFor(String bookingId, String name) {
        return record -> ("couchannel.inventory.v1." + name).equals(header(record, "ce_type"))
                && sessionId.toString().equals(record.key())
                && new String(record.value(), StandardCharsets.ISO_8859_1).contains(bookingId);
    }

    private ConsumerRecord<String, byte[]> command(String bookingId, String name) {
        return commands.await(commandFor(bookingId, name), WAIT);
    }

    private SeatsHeld seatsHeld(String bookingId, int seats) {
        return SeatsHeld.newBuilder()
                .setBookingId(bookingId)
                .setSessionId(sessionId.toString())
                .setSeats(seats)
                .setExpiresAt(WireTime.of(Instant.now().plusSeconds(600)))
                .setPricePerSeat(Money.newBuilder().setAmount("12.50").setCurrency("EUR"))
                .setHostId("host@example.com")
                .build();
    }

    private ConsumerRecord<String, byte[]> paymentCommand(String bookingId, String name) {
        return bookingCommand(payments, bookingId, "payment", name);
    }

    /** A command to a participant whose commands are keyed by booking id. */
    private static ConsumerRecord<String, byte[]> bookingCommand(
            TopicProbe topic, String bookingId, String participant, String name) {
        return topic.await(bookingCommandFor(bookingId, participant, name), WAIT);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> bookingCommandFor(
            String bookingId, String participant, String name) {
        return record -> ("couchannel." + participant + ".v1." + name).equals(header(record, "ce_type"))
                && bookingId.equals(record.key());
    }

    private void seatsReleased(String bookingId) {
        reply(
                bookingId,
                SeatsReleased.newBuilder()
                        .setBookingId(bookingId)
                        .setSessionId(sessionId.toString())
                        .build());
    }

    private static PaymentRefunded refunded(String bookingId, String amount) {
        return PaymentRefunded.newBuilder()
                .setBookingId(bookingId)
                .setAmount(Money.newBuilder().setAmount(amount).setCurrency("EUR"))
                .build();
    }

    private void sessionCancelled(SessionCancellationCause cause, String reason) {
        SessionCancelled event = SessionCancelled.newBuilder()
                .setSessionId(sessionId.toString())
                .setHostId("host@example.com")
                .setCause(cause)
                .setReason(reason)
                .setAt(WireTime.of(Instant.now()))
                .build();
        kafka.send(KafkaCloudEvents.toRecord(
                Topics.INVENTORY_EVENTS, ProtobufEvents.wrap("inventory", sessionId.toString(), event, Instant.now())));
    }

    private String cancellationState(String bookingId) {
        return jdbc.sql("SELECT state FROM booking_cancellations WHERE booking_id = :id")
                .param("id", UUID.fromString(bookingId))
                .query(String.class)
                .single();
    }

    private static QuoteConfirmed quoteConfirmed(String bookingId, String total) {
        return QuoteConfirmed.newBuilder()
                .setBookingId(bookingId)
                .setQuoteId(UUID.randomUUID().toString())
                .setTotal(Money.newBuilder().setAmount(total).setCurrency("EUR"))
                .build();
    }

    private void reply(String bookingId, Message message) {
        kafka.send(KafkaCloudEvents.toRecord(
                Topics.BOOKING_REPLIES, ProtobufEvents.wrap("inventory", bookingId, message, Instant.now())));
    }

    private String sagaState(String bookingId) {
        return jdbc.sql("SELECT state FROM booking_sagas WHERE booking_id = :id")
                .param("id", UUID.fromString(bookingId))
                .query(String.class)
                .single();
    }

    private long bookings() {
        return jdbc.sql("SELECT count(*) FROM bookings").query(Long.class).single();
    }

    private static String idOf(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
