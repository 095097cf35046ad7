package dev.couchannel.payment.intent.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.payment.v1.PaymentRefundFailed;
import dev.couchannel.payment.PaymentServiceTest;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.Refund;
import dev.couchannel.payment.intent.RefundOutcome;
import dev.couchannel.payment.intent.sandbox.SandboxWebhooks;
import dev.couchannel.payment.intent.sandbox.SandboxWebhooks.SignedWebhook;
import dev.couchannel.payment.ledger.Balance;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Signed provider webhooks over HTTP, against the real database and ledger (sandbox provider). */
class ProviderWebhooksIT extends PaymentServiceTest {

    static final String SECRET = "whsec_sandbox_local_only";
    static final Money AMOUNT = Money.of("60.00", "EUR");

    @LocalServerPort
    int port;

    @Autowired
    PaymentIntents intents;

    @Autowired
    PaymentProvider provider;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    /** The service's clock (a test clock other tests move forward): signatures are checked against it. */
    @Autowired
    Clock clock;

    SandboxWebhooks sandbox;
    UUID booking;
    String charge;

    @BeforeEach
    void anAuthorizedPayment() {
        sandbox = new SandboxWebhooks(SECRET, clock);
        booking = UUID.randomUUID();
        charge = ((ProviderResult.Approved) provider.authorize(booking.toString(), AMOUNT, "pm_card_visa"))
                .providerRef();
        transactions.executeWithoutResult(status -> {
            PaymentIntent intent = PaymentIntent.request(
                    booking,
                    UUID.randomUUID(),
                    "guest@example.com",
                    "host-" + booking,
                    "session-1",
                    AMOUNT,
                    "pm_card_visa",
                    Instant.now());
            intents.add(intent);
            intent.authorize(charge, Instant.now());
            intents.save(intent);
        });
    }

    @Test
    void aCaptureAtTheProviderIsRecordedOnceHoweverOftenTheEventIsDelivered() throws Exception {
        SignedWebhook succeeded = sandbox.paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT);

        HttpResponse<String> first = post("sandbox", succeeded.payload(), succeeded.signature());
        HttpResponse<String> again = post("sandbox", succeeded.payload(), succeeded.signature());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"outcome\":\"captured\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"duplicate\"");
        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(ledger.entriesOf(booking)).extracting(JournalEntry::kind).containsExactly(JournalEntry.Kind.CAPTURE);
    }

    @Test
    void aReleaseAtTheProviderVoidsTheAuthorization() throws Exception {
        SignedWebhook canceled = sandbox.paymentIntentEvent(eventId(), "payment_intent.canceled", charge, AMOUNT);

        HttpResponse<String> response = post("sandbox", canceled.payload(), canceled.signature());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"voided\"");
        assertThat(status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(ledger.entriesOf(booking)).isEmpty();
    }

    @Test
    void aRefundWeDidNotRecordIsFlaggedAndNeverGuessedIntoTheLedger() throws Exception {
        post("sandbox", sandbox.paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT));
        SignedWebhook refunded = sandbox.chargeRefunded(eventId(), charge, AMOUNT, Money.of("10.00", "EUR"));

        HttpResponse<String> response = post("sandbox", refunded.payload(), refunded.signature());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"refund_unrecorded\"");
        assertThat(ledger.entriesOf(booking)).extracting(JournalEntry::kind).containsExactly(JournalEntry.Kind.CAPTURE);
        assertThat(intents.find(booking).orElseThrow().refunds()).isEmpty();
    }

    @Test
    void aRefundTheProviderFailsAfterAcceptingItIsReversedListedAndToldToTheBookingOnce() throws Exception {
        post("sandbox", sandbox.paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT));
        Map<String, Money> captured = balancesOfBooking();
        Refund refund = refundRecordedByACommand(AMOUNT, "host cancelled the session");
        String ourKey = booking + ":refund:" + refund.key();
        double failedBefore = counter("couchannel.payment.refunds.failed", "code", "expired_or_canceled_card");
        try (TopicProbe replies = TopicProbe.on(Topics.BOOKING_REPLIES)) {
            SignedWebhook failed = sandbox.sign(
                    RecordedStripeEvents.refundFailedLater(eventId(), charge, ourKey, 6000, clock.instant()));

            HttpResponse<String> first = post("sandbox", failed.payload(), failed.signature());
            HttpResponse<String> again = post("sandbox", failed.payload(), failed.signature());
            // Stripe tells the same failure twice: charge.refund.updated, then refund.failed
            SignedWebhook sameFailure = sandbox.sign(
                    RecordedStripeEvents.refundFailedLater(eventId(), charge, ourKey, 6000, clock.instant())
                            .replace("charge.refund.updated", "refund.failed"));
            HttpResponse<String> told = post("sandbox", sameFailure.payload(), sameFailure.signature());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"outcome\":\"refund_failed\"");
            assertThat(again.body()).contains("\"outcome\":\"duplicate\"");
            assertThat(told.body()).contains("\"outcome\":\"unchanged\"");
            PaymentIntent intent = intents.find(booking).orElseThrow();
            assertThat(intent.status()).as("the money never left").isEqualTo(PaymentStatus.CAPTURED);
            assertThat(intent.refunds()).isEmpty();
            assertThat(intent.refundFailures()).singleElement().satisfies(failure -> {
                assertThat(failure.key()).isEqualTo(refund.key());
                assertThat(failure.code()).isEqualTo("expired_or_canceled_card");
                assertThat(failure.requested()).isEqualTo(AMOUNT);
                assertThat(failure.reason()).isEqualTo("host cancelled the session");
            });
            assertThat(ledger.entriesOf(booking))
                    .extracting(JournalEntry::kind)
                    .containsExactlyInAnyOrder(
                            JournalEntry.Kind.CAPTURE, JournalEntry.Kind.REFUND, JournalEntry.Kind.REFUND_REVERSAL);
            assertThat(balancesOfBooking())
                    .as("as captured: the refund is undone")
                    .isEqualTo(captured);
            assertThat(jdbc.sql("SELECT count(*) FROM payment_refunds WHERE booking_id = :booking")
                            .param("booking", booking)
                            .query(Long.class)
                            .single())
                    .as("the reconciliation no longer counts it as given back")
                    .isZero();

            PaymentRefundFailed reply = PaymentRefundFailed.parseFrom(replies.await(
                            record -> booking.toString().equals(record.key())
                                    && "couchannel.payment.v1.PaymentRefundFailed"
                                            .equals(TopicProbe.header(record, "ce_type")),
                            Duration.ofSeconds(20))
                    .value());
            assertThat(reply.getCode()).isEqualTo("expired_or_canceled_card");
            assertThat(reply.getAmount().getAmount()).isEqualTo("60.00");
            assertThat(reply.getReason()).contains("expired or was cancelled");
            assertThat(replies.readToEnd(Duration.ofSeconds(2)).stream()
                            .filter(record -> booking.toString().equals(record.key())))
                    .as("told once")
                    .hasSize(1);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            counter("couchannel.payment.refunds.failed", "code", "expired_or_canceled_card"))
                    .isEqualTo(failedBefore + 1));
            assertThat(adminGet("/api/admin/refunds?status=FAILED&limit=200"))
                    .contains("\"bookingId\":\"" + booking + "\"")
                    .contains("\"code\":\"expired_or_canceled_card\"");
        }
    }

    @Test
    void aFailedRefundThatIsNotOursIsAcknowledgedAndChangesNothing() throws Exception {
        post("sandbox", sandbox.paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT));
        refundRecordedByACommand(Money.of("10.00", "EUR"), "goodwill");
        SignedWebhook dashboardRefund = sandbox.sign(RecordedStripeEvents.refundFailedLater(
                eventId(), charge, booking + ":refund:r-made-elsewhere", 1000, clock.instant()));

        HttpResponse<String> response = post("sandbox", dashboardRefund.payload(), dashboardRefund.signature());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"no_such_refund\"");
        assertThat(intents.find(booking).orElseThrow().refunds()).hasSize(1);
        assertThat(intents.find(booking).orElseThrow().refundFailures()).isEmpty();
        assertThat(ledger.entriesOf(booking)).hasSize(2);
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() throws Exception {
        String id = eventId();
        SignedWebhook other = sandbox.event(id, "customer.created", Map.of("id", "cus_1", "object", "customer"));

        HttpResponse<String> response = post("sandbox", other.payload(), other.signature());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"ignored\"");
        assertThat(outcome(id)).isEqualTo("ignored");
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void aWrongSignatureIsRefusedAndChangesNothing() throws Exception {
        String id = eventId();
        SignedWebhook forged = new SandboxWebhooks("whsec_someone_else", clock)
                .paymentIntentEvent(id, "payment_intent.succeeded", charge, AMOUNT);

        assertRefused(post("sandbox", forged.payload(), forged.signature()), 400, "does not verify");
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(outcome(id)).isNull();
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        SignedWebhook canceled = sandbox.paymentIntentEvent(eventId(), "payment_intent.canceled", charge, AMOUNT);
        String tampered = canceled.payload().replace("payment_intent.canceled", "payment_intent.succeeded");

        assertRefused(post("sandbox", tampered, canceled.signature()), 400, "does not verify");
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void aMissingSignatureIsRefused() throws Exception {
        SignedWebhook succeeded = sandbox.paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT);

        assertRefused(post("sandbox", succeeded.payload(), null), 400, "Stripe-Signature header is missing");
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefusedAsAReplay() throws Exception {
        Clock sixMinutesAgo = Clock.fixed(clock.instant().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        SignedWebhook old = new SandboxWebhooks(SECRET, sixMinutesAgo)
                .paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT);

        assertRefused(post("sandbox", old.payload(), old.signature()), 400, "within 5 minutes");
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void aSignedPayloadThatIsNoEventIsRefused() throws Exception {
        SignedWebhook garbage = sandbox.sign("{\"hello\":");

        assertRefused(post("sandbox", garbage.payload(), garbage.signature()), 400, "not a JSON event");
    }

    @Test
    void webhooksFromAProviderThatIsNotActiveAreNotFound() throws Exception {
        SignedWebhook succeeded = sandbox.paymentIntentEvent(eventId(), "payment_intent.succeeded", charge, AMOUNT);

        assertRefused(post("stripe", succeeded.payload(), succeeded.signature()), 404, "sandbox");
        assertRefused(post("paypal", succeeded.payload(), succeeded.signature()), 404, "paypal");
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(detail).doesNotContain("Exception");
    }

    private HttpResponse<String> post(String provider, SignedWebhook webhook) throws Exception {
        return post(provider, webhook.payload(), webhook.signature());
    }

    private HttpResponse<String> post(String provider, String payload, @Nullable String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/payments/webhooks/" + provider))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A refund as the refund command records it: on the intent and in the ledger. */
    private Refund refundRecordedByACommand(Money amount, String reason) {
        return transactions.execute(status -> {
            PaymentIntent intent = intents.lock(booking).orElseThrow();
            Refund refund = ((RefundOutcome.Refunded) intent.refund(amount, reason, clock.instant())).refund();
            intents.save(intent);
            ledger.post(JournalEntry.refund(booking, intent.hostId(), refund.key(), refund.split(), clock.instant()));
            return refund;
        });
    }

    private Map<String, Money> balancesOfBooking() {
        return ledger.balancesOf(booking).stream()
                .collect(Collectors.toMap(balance -> balance.account().name(), Balance::amount));
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private String adminGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer("admin@example.com"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private PaymentStatus status() {
        return intents.find(booking).orElseThrow().status();
    }

    private @Nullable String outcome(String eventId) {
        return jdbc.sql("SELECT outcome FROM webhook_events WHERE provider = 'sandbox' AND event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
