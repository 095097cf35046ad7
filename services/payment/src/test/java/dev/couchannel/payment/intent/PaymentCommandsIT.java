package dev.couchannel.payment.intent;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.payment.v1.AuthorizePayment;
import dev.couchannel.contracts.payment.v1.CapturePayment;
import dev.couchannel.contracts.payment.v1.PaymentAuthorized;
import dev.couchannel.contracts.payment.v1.PaymentCaptureFailed;
import dev.couchannel.contracts.payment.v1.PaymentCaptured;
import dev.couchannel.contracts.payment.v1.PaymentDeclined;
import dev.couchannel.contracts.payment.v1.PaymentRefundFailed;
import dev.couchannel.contracts.payment.v1.PaymentRefundResolved;
import dev.couchannel.contracts.payment.v1.PaymentRefunded;
import dev.couchannel.contracts.payment.v1.PaymentVoided;
import dev.couchannel.contracts.payment.v1.RefundPayment;
import dev.couchannel.contracts.payment.v1.VoidPayment;
import dev.couchannel.payment.PaymentServiceTest;
import dev.couchannel.payment.ledger.Account;
import dev.couchannel.payment.ledger.Balance;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The saga's payment commands over the real broker, against the sandbox provider and the real ledger. */
class PaymentCommandsIT extends PaymentServiceTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String GUEST = "guest@example.com";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Ledger ledger;

    @Autowired
    PaymentIntents intents;

    @Autowired
    PaymentProvider provider;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    TopicProbe replies;
    UUID booking;
    String host;

    @BeforeEach
    void aBookingOfItsOwnHost() {
        replies = TopicProbe.on(Topics.BOOKING_REPLIES);
        booking = UUID.randomUUID();
        host = "host-" + UUID.randomUUID();
    }

    @AfterEach
    void closeProbe() {
        replies.close();
    }

    @Test
    void aVisaPaymentIsAuthorizedThenCapturedAndSplitInTheLedger() throws Exception {
        double authorizedBefore = counter("couchannel.payment.authorizations", "outcome", "authorized");

        send(authorize("pm_card_visa", "50.00"));
        PaymentAuthorized authorized = reply("PaymentAuthorized", PaymentAuthorized.parser());

        assertThat(authorized.getPaymentId()).isNotBlank();
        assertThat(authorized.getAmount().getAmount()).isEqualTo("50.00");
        assertThat(ledger.entriesOf(booking))
                .as("an authorization moves no money")
                .isEmpty();
        assertThat(counter("couchannel.payment.authorizations", "outcome", "authorized"))
                .isEqualTo(authorizedBefore + 1);

        send(capture());
        PaymentCaptured captured = reply("PaymentCaptured", PaymentCaptured.parser());

        assertThat(captured.getPaymentId()).isEqualTo(authorized.getPaymentId());
        assertThat(captured.getAmount().getAmount()).isEqualTo("50.00");
        Map<Account, Money> balances = balancesOfBooking();
        assertThat(balances)
                .containsEntry(Account.PROVIDER_CLEARING, eur("50.00"))
                .containsEntry(Account.hostPayable(host), eur("-45.00"))
                .containsEntry(Account.PLATFORM_REVENUE, eur("-5.00"));
        assertThat(balances.get(Account.hostPayable(host)).plus(balances.get(Account.PLATFORM_REVENUE)))
                .isEqualTo(eur("-50.00"));
        assertEveryCurrencySumsToZero(ledger.balances());
        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void thePayerSeesThePaymentAndNobodyElseDoes() throws Exception {
        send(authorize("pm_card_visa", "12.50"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());

        HttpResponse<String> mine = get("/api/payments/" + booking, GUEST);
        HttpResponse<String> theirs = get("/api/payments/" + booking, "guest2@example.com");
        HttpResponse<String> anonymous = get("/api/payments/" + booking, null);

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body())
                .contains("\"status\":\"AUTHORIZED\"")
                .contains("\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("12.50");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void declinedCardsAreDeclinedWithAReasonTheGuestCanReadAndNoMoneyMoves() throws Exception {
        UUID declinedBooking = booking;
        send(authorize("pm_card_declined", "30.00"));
        PaymentDeclined declined = reply("PaymentDeclined", PaymentDeclined.parser());

        booking = UUID.randomUUID();
        send(authorize("pm_card_insufficient_funds", "30.00"));
        PaymentDeclined insufficient = reply("PaymentDeclined", PaymentDeclined.parser());

        assertThat(declined.getReason()).isEqualTo("Your card was declined.");
        assertThat(declined.getCode()).isEqualTo("card_declined");
        assertThat(insufficient.getReason()).isEqualTo("Your card has insufficient funds.");
        assertThat(insufficient.getCode()).isEqualTo("insufficient_funds");
        assertThat(ledger.entriesOf(declinedBooking)).isEmpty();
        assertThat(ledger.entriesOf(booking)).isEmpty();

        send(capture());
        assertThat(reply("PaymentCaptureFailed", PaymentCaptureFailed.parser()).getReason())
                .isEqualTo("The payment was declined, so nothing can be captured.");
        assertThat(ledger.entriesOf(booking)).isEmpty();
    }

    @Test
    void anUnknownPaymentMethodIsDeclinedWithAClearReason() throws Exception {
        send(authorize("pm_card_made_up", "30.00"));

        PaymentDeclined declined = reply("PaymentDeclined", PaymentDeclined.parser());

        assertThat(declined.getCode()).isEqualTo("invalid_payment_method");
        assertThat(declined.getReason()).contains("not recognised");
    }

    @Test
    void aFailingProviderIsTriedThreeTimesThenThePaymentIsDeclinedAsAProcessingError() throws Exception {
        double errorsBefore = providerCalls("authorize", "error");

        send(authorize("pm_card_error", "30.00"));
        PaymentDeclined declined = reply("PaymentDeclined", PaymentDeclined.parser());

        assertThat(declined.getCode()).isEqualTo("processing_error");
        assertThat(declined.getReason()).isEqualTo("The payment provider is unavailable; nothing was charged.");
        assertThat(providerCalls("authorize", "error")).isEqualTo(errorsBefore + 3);
        assertThat(sandboxCharges()).isZero();
        assertThat(ledger.entriesOf(booking)).isEmpty();
    }

    @Test
    void aSlowCardIsAuthorizedOnceItAnswers() throws Exception {
        Instant sent = Instant.now();

        send(authorize("pm_card_slow", "30.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());

        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(sandboxCharges()).isEqualTo(1);
    }

    @Test
    void aRepeatedAuthorizationAuthorizesOnceAndRepliesTheSame() throws Exception {
        double approvalsBefore = providerCalls("authorize", "approved");
        AuthorizePayment command = authorize("pm_card_visa", "40.00");

        send(command);
        send(command); // a new message id: the inbox lets it through, the intent makes it a repetition

        List<ConsumerRecord<String, byte[]>> both = replies.awaitCount(ofBooking(), 2, WAIT);
        assertThat(both)
                .allMatch(record -> "couchannel.payment.v1.PaymentAuthorized".equals(header(record, "ce_type")));
        assertThat(both.stream()
                        .map(record -> parse(record, PaymentAuthorized.parser()).getPaymentId()))
                .containsOnly(intents.find(booking).orElseThrow().paymentId().toString());
        assertThat(sandboxCharges()).isEqualTo(1);
        assertThat(providerCalls("authorize", "approved")).isEqualTo(approvalsBefore + 1);
    }

    @Test
    void anAuthorizationThatCrashedBeforeItWasRecordedIsCompletedWithoutASecondCharge() throws Exception {
        // as if a first delivery had created the intent and reached the provider, then crashed
        AuthorizePayment command = authorize("pm_card_visa", "20.00");
        intents.add(PaymentIntent.request(
                booking, UUID.randomUUID(), GUEST, host, "session-1", eur("20.00"), "pm_card_visa", Instant.now()));
        ProviderResult first = provider.authorize(booking.toString(), eur("20.00"), "pm_card_visa");

        send(command);
        reply("PaymentAuthorized", PaymentAuthorized.parser());

        assertThat(sandboxCharges()).isEqualTo(1);
        assertThat(intents.find(booking).orElseThrow().providerRef())
                .isEqualTo(((ProviderResult.Approved) first).providerRef());
    }

    @Test
    void aVoidForAnAuthorizationThatCrashedHalfwayFindsTheAuthorizationAndReleasesIt() throws Exception {
        // as if the authorization reached the provider and crashed before it was recorded (and was dead-lettered)
        intents.add(PaymentIntent.request(
                booking, UUID.randomUUID(), GUEST, host, "session-1", eur("20.00"), "pm_card_visa", Instant.now()));
        provider.authorize(booking.toString(), eur("20.00"), "pm_card_visa");

        send(voidPayment());
        reply("PaymentVoided", dev.couchannel.contracts.payment.v1.PaymentVoided.parser());

        assertThat(status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(sandboxChargeStatus())
                .as("the guest's card is not left with a hold")
                .isEqualTo("VOIDED");
        assertThat(sandboxCharges()).isEqualTo(1);
    }

    @Test
    void voidingAnAuthorizationReleasesItAndACaptureAfterwardsFails() throws Exception {
        send(authorize("pm_card_visa", "30.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());

        send(voidPayment());
        reply("PaymentVoided", dev.couchannel.contracts.payment.v1.PaymentVoided.parser());

        assertThat(status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(sandboxChargeStatus()).isEqualTo("VOIDED");
        send(capture());
        assertThat(reply("PaymentCaptureFailed", PaymentCaptureFailed.parser()).getReason())
                .isEqualTo("The payment was cancelled before it was captured.");
        assertThat(ledger.entriesOf(booking)).isEmpty();
    }

    @Test
    void voidingACapturedPaymentRefundsItInFullAndTheBookingsBooksReturnToZero() throws Exception {
        send(authorize("pm_card_visa", "33.33"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());

        send(voidPayment());
        reply("PaymentVoided", dev.couchannel.contracts.payment.v1.PaymentVoided.parser());

        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(balancesOfBooking()).hasSize(3).allSatisfy((account, balance) -> assertThat(balance.isZero())
                .as(account.name())
                .isTrue());
        assertThat(ledger.entriesOf(booking)).hasSize(2);
        assertThat(jdbc.sql("SELECT sum(r.amount) FROM sandbox_refunds r JOIN sandbox_charges c ON c.id = r.charge_id "
                                + "WHERE c.idempotency_key = :key")
                        .param("key", booking.toString())
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("33.33");
    }

    @Test
    void aPartialRefundGivesBackItsShareOnceEvenWhenRepeated() throws Exception {
        send(authorize("pm_card_visa", "80.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());

        RefundPayment oneSeat = refund("20.00", "one seat cancelled");
        send(oneSeat);
        send(oneSeat);

        List<ConsumerRecord<String, byte[]>> refunds = replies.awaitCount(ofType("PaymentRefunded"), 2, WAIT);
        assertThat(refunds.stream().map(record -> parse(record, PaymentRefunded.parser())
                        .getAmount()
                        .getAmount()))
                .containsExactly("20.00", "20.00");
        assertThat(balancesOfBooking())
                .containsEntry(Account.PROVIDER_CLEARING, eur("60.00"))
                .containsEntry(Account.hostPayable(host), eur("-54.00"))
                .containsEntry(Account.PLATFORM_REVENUE, eur("-6.00"));
        assertThat(status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);

        send(refund("100.00", "host cancelled"));
        List<ConsumerRecord<String, byte[]>> all = replies.awaitCount(ofType("PaymentRefunded"), 3, WAIT);
        assertThat(parse(all.getLast(), PaymentRefunded.parser()).getAmount().getAmount())
                .as("never more than what is left")
                .isEqualTo("60.00");
        assertThat(balancesOfBooking().values()).allMatch(Money::isZero);
        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aHostCancellationRefundsInFullAndChargesThePenaltyOnceHoweverOftenItIsRetried() throws Exception {
        send(authorize("pm_card_visa", "100.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());
        Map<Account, Money> before = balancesOf(host);

        RefundPayment hostCancelled = refund("100.00", "host cancelled the session").toBuilder()
                .setHostPenalty(wire("20.00"))
                .build();
        send(hostCancelled);
        send(hostCancelled); // the cancellation saga retrying: a new message id, the same request
        send(hostCancelled);

        List<ConsumerRecord<String, byte[]>> answers = replies.awaitCount(ofType("PaymentRefunded"), 3, WAIT);
        assertThat(answers)
                .map(record -> parse(record, PaymentRefunded.parser()))
                .allSatisfy(refunded -> {
                    assertThat(refunded.getAmount().getAmount()).isEqualTo("100.00");
                    assertThat(refunded.getHostPenalty().getAmount()).isEqualTo("20.00");
                    assertThat(refunded.getHostPenalty().getCurrency()).isEqualTo("EUR");
                });
        assertThat(ledger.entriesOf(booking))
                .extracting(entry -> entry.kind().name())
                .containsExactlyInAnyOrder("CAPTURE", "REFUND", "PENALTY");
        assertThat(balancesOfBooking())
                .containsEntry(Account.PROVIDER_CLEARING, eur("0.00"))
                .as("the host owes the penalty: the next payout is smaller by it")
                .containsEntry(Account.hostPayable(host), eur("20.00"))
                .containsEntry(Account.PLATFORM_REVENUE, eur("-20.00"));
        assertThat(before).containsEntry(Account.hostPayable(host), eur("-90.00"));
        assertThat(balancesOf(host)).containsEntry(Account.hostPayable(host), eur("20.00"));
        assertThat(sandboxRefunds()).as("refunded once at the provider").isEqualTo(1);
        assertThat(intents.find(booking).orElseThrow().hostPenalty()).contains(eur("20.00"));
        assertEveryCurrencySumsToZero(ledger.balances());
    }

    @Test
    void aRefundTheProviderRefusesForGoodIsAnsweredAsAFailureOnceAskedAndAgainWithoutAskingTheProvider()
            throws Exception {
        send(authorize("pm_card_refund_declined", "100.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());
        Map<Account, Money> captured = balancesOfBooking();
        double refusedBefore = providerCalls("refund", "declined");
        double failedBefore = counter("couchannel.payment.refunds.failed", "code", "refund_declined");

        RefundPayment hostCancelled = refund("100.00", "host cancelled the session").toBuilder()
                .setHostPenalty(wire("20.00"))
                .build();
        send(hostCancelled);
        PaymentRefundFailed failed = reply("PaymentRefundFailed", PaymentRefundFailed.parser());

        assertThat(failed.getBookingId()).isEqualTo(booking.toString());
        assertThat(failed.getAmount().getAmount()).isEqualTo("100.00");
        assertThat(failed.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(failed.getCode()).isEqualTo("refund_declined");
        assertThat(failed.getReason()).isEqualTo("The card this booking was paid with can no longer receive refunds.");
        assertThat(status()).as("nothing was given back").isEqualTo(PaymentStatus.CAPTURED);
        assertThat(intents.find(booking).orElseThrow().refundFailures())
                .singleElement()
                .satisfies(failure -> {
                    assertThat(failure.code()).isEqualTo("refund_declined");
                    assertThat(failure.requested()).isEqualTo(eur("100.00"));
                    assertThat(failure.reason()).isEqualTo("host cancelled the session");
                });
        assertThat(ledger.entriesOf(booking))
                .as("no refund entry; the host's penalty is charged as when the refund succeeds")
                .extracting(entry -> entry.kind().name())
                .containsExactlyInAnyOrder("CAPTURE", "PENALTY");
        assertThat(balancesOfBooking())
                .containsEntry(Account.PROVIDER_CLEARING, captured.get(Account.PROVIDER_CLEARING))
                .containsEntry(Account.hostPayable(host), eur("-70.00"))
                .containsEntry(Account.PLATFORM_REVENUE, eur("-30.00"));
        assertEveryCurrencySumsToZero(ledger.balances());
        assertThat(counter("couchannel.payment.refunds.failed", "code", "refund_declined"))
                .isEqualTo(failedBefore + 1);

        send(hostCancelled); // the cancellation saga asking again at its deadline
        List<ConsumerRecord<String, byte[]>> answers = replies.awaitCount(ofType("PaymentRefundFailed"), 2, WAIT);

        assertThat(answers)
                .map(record -> parse(record, PaymentRefundFailed.parser()))
                .allSatisfy(answer -> assertThat(answer).isEqualTo(failed));
        assertThat(providerCalls("refund", "declined"))
                .as("the provider was asked once")
                .isEqualTo(refusedBefore + 1);
        assertThat(counter("couchannel.payment.refunds.failed", "code", "refund_declined"))
                .as("one failure, counted once")
                .isEqualTo(failedBefore + 1);
        assertThat(ledger.entriesOf(booking)).hasSize(2);
        assertThat(sandboxRefunds()).isZero();
        assertThat(replies.records().stream().filter(ofType("PaymentRefunded"))).isEmpty();

        HttpResponse<String> listed = get("/api/admin/refunds?status=FAILED", "admin@example.com");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body())
                .contains("\"bookingId\":\"" + booking + "\"")
                .contains("\"code\":\"refund_declined\"")
                .contains("\"amount\":{\"amount\":\"100.00\",\"currency\":\"EUR\"}")
                .contains("\"status\":\"FAILED\"");
    }

    @Test
    void onlyAnAdminListsFailedRefundsAndABadQuestionIsAProblemThatSaysWhatToFix() throws Exception {
        HttpResponse<String> guest = get("/api/admin/refunds?status=FAILED", GUEST);
        HttpResponse<String> anonymous = get("/api/admin/refunds?status=FAILED", null);
        HttpResponse<String> badStatus = get("/api/admin/refunds?status=SETTLED", "admin@example.com");
        HttpResponse<String> noStatus = get("/api/admin/refunds", "admin@example.com");
        HttpResponse<String> badLimit = get("/api/admin/refunds?status=FAILED&limit=0", "admin@example.com");

        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (HttpResponse<String> bad : List.of(badStatus, noStatus, badLimit)) {
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(badStatus.body()).contains("\"field\":\"status\"").contains("status must be FAILED");
        assertThat(noStatus.body()).contains("\"field\":\"status\"");
        assertThat(badLimit.body())
                .contains("\"field\":\"limit\"")
                .contains("limit must be a whole number from 1 to 200");
    }

    @Test
    void aGuestCancellationCarriesNoPenaltyAndSaysSo() throws Exception {
        send(authorize("pm_card_visa", "40.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());

        send(refund("40.00", "guest cancelled"));
        PaymentRefunded refunded = reply("PaymentRefunded", PaymentRefunded.parser());

        assertThat(refunded.getAmount().getAmount()).isEqualTo("40.00");
        assertThat(refunded.getHostPenalty().getAmount()).isEqualTo("0.00");
        assertThat(ledger.entriesOf(booking))
                .extracting(entry -> entry.kind().name())
                .doesNotContain("PENALTY");
        assertThat(balancesOfBooking().values()).allMatch(Money::isZero);
    }

    @Test
    void aPenaltyOnAPaymentThatWasNeverCapturedIsNotCharged() throws Exception {
        send(authorize("pm_card_visa", "40.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());

        send(refund("40.00", "host cancelled the session").toBuilder()
                .setHostPenalty(wire("8.00"))
                .build());
        PaymentRefunded refunded = reply("PaymentRefunded", PaymentRefunded.parser());

        assertThat(refunded.getAmount().getAmount()).isEqualTo("0.00");
        assertThat(refunded.getHostPenalty().getAmount()).isEqualTo("0.00");
        assertThat(ledger.entriesOf(booking)).isEmpty();
    }

    @Test
    void aRetriedVoidAnswersEveryTimeAndGivesTheMoneyBackOnce() throws Exception {
        send(authorize("pm_card_visa", "25.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());

        send(voidPayment());
        send(voidPayment());

        replies.awaitCount(ofType("PaymentVoided"), 2, WAIT);
        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(sandboxRefunds()).isEqualTo(1);
        assertThat(ledger.entriesOf(booking)).hasSize(2);
        assertThat(balancesOfBooking().values()).allMatch(Money::isZero);
    }

    @Test
    void aVoidWhoseFullRefundIsRefusedEndsTheCompensationWithARefundFailureRecordedOnce() throws Exception {
        send(authorize("pm_card_refund_declined", "80.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture()); // e.g. a late capture reply the booking saga compensates
        reply("PaymentCaptured", PaymentCaptured.parser());
        double refusedBefore = providerCalls("refund", "declined");
        double failedBefore = counter("couchannel.payment.refunds.failed", "code", "refund_declined");

        send(voidPayment());
        PaymentRefundFailed failed = reply("PaymentRefundFailed", PaymentRefundFailed.parser());

        assertThat(failed.getBookingId()).isEqualTo(booking.toString());
        assertThat(failed.getAmount().getAmount()).isEqualTo("80.00");
        assertThat(failed.getCode()).isEqualTo("refund_declined");
        assertThat(failed.getReason()).isEqualTo("The card this booking was paid with can no longer receive refunds.");
        assertThat(status()).as("nothing was given back").isEqualTo(PaymentStatus.CAPTURED);
        assertThat(intents.find(booking).orElseThrow().refundFailures())
                .singleElement()
                .satisfies(failure -> {
                    assertThat(failure.key()).isEqualTo(Refund.VOID_KEY);
                    assertThat(failure.reason()).isEqualTo("saga compensation");
                    assertThat(failure.requested()).isEqualTo(eur("80.00"));
                });
        assertThat(ledger.entriesOf(booking))
                .extracting(entry -> entry.kind().name())
                .containsExactly("CAPTURE");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                        counter("couchannel.payment.refunds.failed", "code", "refund_declined"))
                .isEqualTo(failedBefore + 1));

        send(voidPayment()); // the booking saga asking again at its deadline
        List<ConsumerRecord<String, byte[]>> answers = replies.awaitCount(ofType("PaymentRefundFailed"), 2, WAIT);

        assertThat(answers)
                .map(record -> parse(record, PaymentRefundFailed.parser()))
                .allSatisfy(answer -> assertThat(answer).isEqualTo(failed));
        assertThat(providerCalls("refund", "declined"))
                .as("the provider was asked once")
                .isEqualTo(refusedBefore + 1);
        assertThat(counter("couchannel.payment.refunds.failed", "code", "refund_declined"))
                .as("one failure, counted once")
                .isEqualTo(failedBefore + 1);
        assertThat(replies.records().stream().filter(ofType("PaymentVoided"))).isEmpty();
        assertThat(get("/api/admin/refunds?status=FAILED", "admin@example.com").body())
                .contains("\"bookingId\":\"" + booking + "\"")
                .contains("\"refundReason\":\"saga compensation\"");
    }

    @Test
    void anAuthorizationTheProviderWillNotReleaseIsVoidedHereAndTheCompensationEnds() throws Exception {
        send(authorize("pm_card_visa", "40.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        String charge = intents.find(booking).orElseThrow().providerRef();
        // the provider took it, but our capture crashed before it was recorded: a release is refused
        assertThat(provider.capture(booking + ":capture", charge, eur("40.00")))
                .isInstanceOf(ProviderResult.Approved.class);
        double unreleasedBefore = counter("couchannel.payment.voids.unreleased", "code", "charge_captured");

        send(voidPayment());
        reply("PaymentVoided", PaymentVoided.parser());

        assertThat(status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(ledger.entriesOf(booking)).isEmpty();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                        counter("couchannel.payment.voids.unreleased", "code", "charge_captured"))
                .isEqualTo(unreleasedBefore + 1));
    }

    @Test
    void anAdminRecordsARefusedRefundGivenBackByBankTransferOnceAndTheBooksStillReconcile() throws Exception {
        send(authorize("pm_card_refund_declined", "100.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        send(capture());
        reply("PaymentCaptured", PaymentCaptured.parser());
        send(refund("100.00", "host cancelled the session"));
        reply("PaymentRefundFailed", PaymentRefundFailed.parser());
        String path = "/api/admin/refunds/" + booking + "/resolution";
        String body = "{\"reference\":\"SEPA-2026-11-22-0042\",\"note\":\"paid to the guest's IBAN\"}";

        HttpResponse<String> resolved = post(path, body, "admin@example.com");
        HttpResponse<String> again = post(path, body, "admin@example.com");

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body())
                .contains("\"status\":\"RESOLVED\"")
                .contains("\"reference\":\"SEPA-2026-11-22-0042\"")
                .contains("\"note\":\"paid to the guest's IBAN\"")
                .contains("\"repaid\":{\"amount\":\"100.00\",\"currency\":\"EUR\"}")
                .contains("\"resolvedBy\":\"admin@example.com\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(resolved.body());
        assertThat(ledger.entriesOf(booking))
                .extracting(entry -> entry.kind().name())
                .containsExactlyInAnyOrder("CAPTURE", "REPAYMENT");
        assertThat(balancesOfBooking())
                .containsEntry(Account.PROVIDER_CLEARING, eur("100.00"))
                .containsEntry(Account.REPAID_OUTSIDE_PROVIDER, eur("-100.00"));
        assertThat(balancesOfBooking().get(Account.hostPayable(host)).isZero()).isTrue();
        assertThat(balancesOfBooking().get(Account.PLATFORM_REVENUE).isZero()).isTrue();
        assertEveryCurrencySumsToZero(ledger.balances());
        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(get("/api/admin/refunds?status=FAILED&limit=200", "admin@example.com")
                        .body())
                .doesNotContain(booking.toString());
        assertThat(get("/api/admin/refunds?status=RESOLVED", "admin@example.com")
                        .body())
                .contains("\"bookingId\":\"" + booking + "\"");
        HttpResponse<String> reconciliation = get("/api/admin/reconciliation?currency=EUR", "admin@example.com");
        assertThat(reconciliation.statusCode()).isEqualTo(200);
        JsonNode report = JsonMapper.builder().build().readTree(reconciliation.body());
        assertThat(report.path("mismatches").toString()).doesNotContain(host);
        assertThat(report.path("hosts")
                        .valueStream()
                        .filter(row -> host.equals(row.path("hostId").asString()))
                        .toList())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.path("matches").asBoolean()).isTrue();
                    assertThat(row.path("expected").path("amount").asString()).isEqualTo("0.00");
                });

        HttpResponse<String> otherReference = post(path, "{\"reference\":\"SEPA-other\"}", "admin@example.com");
        assertProblem(otherReference, 409, "SEPA-2026-11-22-0042");
        assertThat(ledger.entriesOf(booking)).hasSize(2);
        // the booking is told once, with what was given back
        PaymentRefundResolved told = reply("PaymentRefundResolved", PaymentRefundResolved.parser());
        assertThat(told.getReference()).isEqualTo("SEPA-2026-11-22-0042");
        assertThat(told.getRepaid().getAmount()).isEqualTo("100.00");
        assertThat(replies.records().stream().filter(ofType("PaymentRefundResolved")))
                .hasSize(1);
    }

    @Test
    void resolvingARefundIsForAdminsAboutARefundThatFailedAndSaysWhatToFix() throws Exception {
        send(authorize("pm_card_visa", "30.00"));
        reply("PaymentAuthorized", PaymentAuthorized.parser());
        String path = "/api/admin/refunds/" + booking + "/resolution";
        String body = "{\"reference\":\"SEPA-1\"}";

        assertThat(post(path, body, GUEST).statusCode()).isEqualTo(403);
        assertThat(post(path, body, null).statusCode()).isEqualTo(401);
        assertProblem(post(path, body, "admin@example.com"), 409, "nothing to resolve");
        assertProblem(
                post("/api/admin/refunds/" + UUID.randomUUID() + "/resolution", body, "admin@example.com"), 404, "");
        assertProblem(post("/api/admin/refunds/not-a-booking/resolution", body, "admin@example.com"), 400, "bookingId");
        assertProblem(post(path, "{\"reference\":\"  \"}", "admin@example.com"), 400, "reference");
        assertProblem(post(path, "{}", "admin@example.com"), 400, "reference");
        assertProblem(
                post(path, "{\"reference\":\"SEPA-1\",\"note\":\"" + "x".repeat(2001) + "\"}", "admin@example.com"),
                400,
                "note");
        assertProblem(post(path, "{\"reference\":", "admin@example.com"), 400, "");
        assertThat(ledger.entriesOf(booking)).isEmpty();
        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void voidingOrRefundingAnUnknownBookingGivesNothingBackAndSaysSo() throws Exception {
        send(voidPayment());
        reply("PaymentVoided", dev.couchannel.contracts.payment.v1.PaymentVoided.parser());

        send(refund("10.00", "cancelled"));
        PaymentRefunded refunded = reply("PaymentRefunded", PaymentRefunded.parser());

        assertThat(refunded.getAmount().getAmount()).isEqualTo("0.00");
        assertThat(intents.find(booking)).isEmpty();
        assertThat(ledger.entriesOf(booking)).isEmpty();
    }

    private AuthorizePayment authorize(String paymentMethod, String amount) {
        return AuthorizePayment.newBuilder()
                .setBookingId(booking.toString())
                .setGuestId(GUEST)
                .setHostId(host)
                .setSessionId("session-1")
                .setAmount(wire(amount))
                .setPaymentMethod(paymentMethod)
                .build();
    }

    private CapturePayment capture() {
        return CapturePayment.newBuilder().setBookingId(booking.toString()).build();
    }

    private VoidPayment voidPayment() {
        return VoidPayment.newBuilder()
                .setBookingId(booking.toString())
                .setReason("saga compensation")
                .build();
    }

    private RefundPayment refund(String amount, String reason) {
        return RefundPayment.newBuilder()
                .setBookingId(booking.toString())
                .setAmount(wire(amount))
                .setReason(reason)
                .build();
    }

    private static dev.couchannel.contracts.common.v1.Money wire(String amount) {
        return dev.couchannel.contracts.common.v1.Money.newBuilder()
                .setAmount(amount)
                .setCurrency("EUR")
                .build();
    }

    private void send(Message command) {
        CloudEvent event = ProtobufEvents.wrap("booking", booking.toString(), command, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(Topics.PAYMENT_COMMANDS, event));
    }

    private <T extends Message> T reply(String type, Parser<T> parser) {
        return parse(replies.await(ofType(type), WAIT), parser);
    }

    private java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofBooking() {
        String key = booking.toString();
        return record -> key.equals(record.key()) && "payment".equals(header(record, "ce_source"));
    }

    private java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return ofBooking().and(record -> ("couchannel.payment.v1." + type).equals(header(record, "ce_type")));
    }

    private static <T extends Message> T parse(ConsumerRecord<String, byte[]> record, Parser<T> parser) {
        try {
            return parser.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("reply does not parse", e);
        }
    }

    private PaymentStatus status() {
        return intents.find(booking).orElseThrow().status();
    }

    private Map<Account, Money> balancesOfBooking() {
        return ledger.balancesOf(booking).stream().collect(Collectors.toMap(Balance::account, Balance::amount));
    }

    private static void assertEveryCurrencySumsToZero(List<Balance> balances) {
        Map<Currency, Money> sums = balances.stream()
                .map(Balance::amount)
                .collect(Collectors.toMap(Money::currency, money -> money, Money::plus));
        assertThat(sums).isNotEmpty();
        assertThat(sums.values()).allMatch(Money::isZero);
    }

    private long sandboxRefunds() {
        return jdbc.sql("SELECT count(*) FROM sandbox_refunds r JOIN sandbox_charges c ON c.id = r.charge_id "
                        + "WHERE c.idempotency_key = :key")
                .param("key", booking.toString())
                .query(Long.class)
                .single();
    }

    private Map<Account, Money> balancesOf(String hostId) {
        return ledger.balances().stream()
                .filter(balance -> balance.account().equals(Account.hostPayable(hostId)))
                .collect(Collectors.toMap(Balance::account, Balance::amount));
    }

    private long sandboxCharges() {
        return jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = :key")
                .param("key", booking.toString())
                .query(Long.class)
                .single();
    }

    private String sandboxChargeStatus() {
        return jdbc.sql("SELECT status FROM sandbox_charges WHERE idempotency_key = :key")
                .param("key", booking.toString())
                .query(String.class)
                .single();
    }

    private double providerCalls(String operation, String result) {
        return counter("couchannel.payment.provider.calls", "operation", operation, "result", result);
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> get(String path, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(detail).doesNotContain("Exception");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
