package dev.couchannel.payment.intent.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.PaymentServiceTest;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.intent.sandbox.SandboxWebhooks;
import dev.couchannel.payment.intent.sandbox.SandboxWebhooks.SignedWebhook;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
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
