package dev.couchannel.payment.intent.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.ledger.Money;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter against recorded Stripe responses: what stripe-java sends (paths, form
 * parameters, amounts in minor units, the Idempotency-Key header) and how each answer maps onto
 * the port's outcomes.
 */
class StripePaymentProviderContractTest {

    static final String KEY = "0b9e5a84-3c4f-4b7e-9d1a-5f2c8e7a6b10";
    static final String INTENT = "pi_3QxTestAuthorized01";
    static final Money FIFTY_EUROS = Money.of("50.00", "EUR");

    final RecordedStripe stripe = new RecordedStripe();
    final StripePaymentProvider provider = new StripePaymentProvider(stripe.client(Duration.ofMillis(500)));

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void anAuthorizationIsAManuallyCapturedPaymentIntentConfirmedWithTheCardUnderOurKey() {
        stripe.reply(200, "payment_intent_requires_capture.json");

        ProviderResult result = provider.authorize(KEY, FIFTY_EUROS, "pm_card_visa");

        assertThat(result).isEqualTo(new ProviderResult.Approved(INTENT));
        RecordedStripe.Request request = stripe.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/payment_intents");
        assertThat(request.header("Idempotency-Key")).isEqualTo(KEY);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + RecordedStripe.API_KEY);
        assertThat(request.form())
                .containsEntry("amount", "5000")
                .containsEntry("currency", "eur")
                .containsEntry("capture_method", "manual")
                .containsEntry("confirm", "true")
                .containsEntry("payment_method", "pm_card_visa")
                .containsEntry("automatic_payment_methods[enabled]", "true")
                .containsEntry("automatic_payment_methods[allow_redirects]", "never");
    }

    @Test
    void amountsGoInTheCurrencysMinorUnits() {
        stripe.reply(200, "payment_intent_requires_capture.json");

        provider.authorize(KEY, Money.of("1200", "JPY"), "pm_card_visa");

        assertThat(stripe.lastRequest().form()).containsEntry("amount", "1200").containsEntry("currency", "jpy");
    }

    @Test
    void aDeclinedCardIsADeclineWithStripesSentenceForTheGuest() {
        stripe.reply(402, "error_card_declined.json");

        ProviderResult result = provider.authorize(KEY, FIFTY_EUROS, "pm_card_visa");

        assertThat(result).isEqualTo(new ProviderResult.Declined("card_declined", "Your card was declined."));
    }

    @Test
    void insufficientFundsIsADeclineWithItsOwnCode() {
        stripe.reply(402, "error_insufficient_funds.json");

        ProviderResult result = provider.authorize(KEY, FIFTY_EUROS, "pm_card_visa");

        assertThat(result)
                .isEqualTo(new ProviderResult.Declined("insufficient_funds", "Your card has insufficient funds."));
    }

    @Test
    void aServerErrorIsAProviderFailureThatMayBeRetried() {
        stripe.reply(500, "error_api_error.json");

        ProviderResult result = provider.authorize(KEY, FIFTY_EUROS, "pm_card_visa");

        assertThat(result)
                .isInstanceOfSatisfying(ProviderResult.ProviderError.class, error -> assertThat(error.detail())
                        .contains("500"));
    }

    @Test
    void aTimeoutIsAProviderFailureThatMayBeRetried() {
        stripe.hang();

        ProviderResult result = provider.authorize(KEY, FIFTY_EUROS, "pm_card_visa");

        assertThat(result).isInstanceOf(ProviderResult.ProviderError.class);
        assertThat(stripe.requests()).hasSize(1);
    }

    @Test
    void aKeyReusedWithOtherParametersIsADecline() {
        stripe.reply(400, "error_idempotency.json");

        ProviderResult result = provider.authorize(KEY, Money.of("99.00", "EUR"), "pm_card_visa");

        assertThat(result).isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> assertThat(declined.code())
                .isEqualTo("idempotency_key_reused"));
    }

    @Test
    void aCaptureTakesTheAmountOfThePaymentIntentUnderItsOwnKey() {
        stripe.reply(200, "payment_intent_succeeded.json");

        ProviderResult result = provider.capture(KEY + ":capture", INTENT, FIFTY_EUROS);

        assertThat(result).isEqualTo(new ProviderResult.Approved(INTENT));
        assertThat(stripe.lastRequest().path()).isEqualTo("/v1/payment_intents/" + INTENT + "/capture");
        assertThat(stripe.lastRequest().form()).containsEntry("amount_to_capture", "5000");
        assertThat(stripe.lastRequest().header("Idempotency-Key")).isEqualTo(KEY + ":capture");
    }

    @Test
    void aVoidCancelsThePaymentIntent() {
        stripe.reply(200, "payment_intent_canceled.json");

        ProviderResult result = provider.voidAuthorization(KEY + ":void", INTENT);

        assertThat(result).isEqualTo(new ProviderResult.Approved(INTENT));
        assertThat(stripe.lastRequest().path()).isEqualTo("/v1/payment_intents/" + INTENT + "/cancel");
        assertThat(stripe.lastRequest().header("Idempotency-Key")).isEqualTo(KEY + ":void");
    }

    @Test
    void aCancelAskedAgainAfterStripeForgotTheKeyFindsItCancelled() {
        stripe.reply(400, "error_unexpected_state.json").reply(200, "payment_intent_canceled.json");

        ProviderResult result = provider.voidAuthorization(KEY + ":void", INTENT);

        assertThat(result).isEqualTo(new ProviderResult.Approved(INTENT));
        assertThat(stripe.lastRequest().method()).isEqualTo("GET");
        assertThat(stripe.lastRequest().path()).isEqualTo("/v1/payment_intents/" + INTENT);
    }

    @Test
    void aCaptureOfACancelledPaymentIntentIsADecline() {
        stripe.reply(400, "error_unexpected_state.json").reply(200, "payment_intent_canceled.json");

        ProviderResult result = provider.capture(KEY + ":capture", INTENT, FIFTY_EUROS);

        assertThat(result).isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> assertThat(declined.code())
                .isEqualTo("payment_intent_unexpected_state"));
    }

    @Test
    void aRefundGivesBackPartOfThePaymentIntent() {
        stripe.reply(200, "refund_succeeded.json");

        ProviderResult result = provider.refund(KEY + ":refund:r-1", INTENT, Money.of("20.00", "EUR"));

        assertThat(result).isEqualTo(new ProviderResult.Approved("re_3QxTestRefund0001"));
        assertThat(stripe.lastRequest().path()).isEqualTo("/v1/refunds");
        assertThat(stripe.lastRequest().form())
                .containsEntry("payment_intent", INTENT)
                .containsEntry("amount", "2000")
                .as("a refund that fails later comes back in a webhook naming our key")
                .containsEntry("metadata[couchannel_key]", KEY + ":refund:r-1");
        assertThat(stripe.lastRequest().header("Idempotency-Key")).isEqualTo(KEY + ":refund:r-1");
    }

    @Test
    void aRefundStripeRefusesForGoodIsADeclineWithItsCodeAndASentenceAPersonCanRead() {
        stripe.reply(400, "error_charge_already_refunded.json");

        ProviderResult result = provider.refund(KEY + ":refund:r-1", INTENT, Money.of("20.00", "EUR"));

        assertThat(result)
                .isEqualTo(new ProviderResult.Declined(
                        "charge_already_refunded",
                        "The payment was already refunded in full at the payment provider."));
    }

    @Test
    void aRefundStripeCouldNotAnswerMayBeRetried() {
        stripe.reply(500, "error_api_error.json");

        ProviderResult result = provider.refund(KEY + ":refund:r-1", INTENT, Money.of("20.00", "EUR"));

        assertThat(result).isInstanceOf(ProviderResult.ProviderError.class);
    }

    @Test
    void aPayoutIsATransferToTheHostsConnectedAccountUnderThePayoutsKey() {
        stripe.reply(200, "transfer_created.json");
        String key = "payout:6f1c2d3e-4a5b-4c6d-8e7f-901234567890:0";

        ProviderResult result = provider.payout(key, "acct_1QxTestHost0001", Money.of("41.00", "EUR"));

        assertThat(result).isEqualTo(new ProviderResult.Approved("tr_1QxTestTransfer01"));
        RecordedStripe.Request request = stripe.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/transfers");
        assertThat(request.header("Idempotency-Key")).isEqualTo(key);
        assertThat(request.form())
                .containsEntry("amount", "4100")
                .containsEntry("currency", "eur")
                .containsEntry("destination", "acct_1QxTestHost0001")
                .containsEntry("metadata[couchannel_key]", key);
    }

    @Test
    void aPayoutToAnUnknownAccountIsADeclineThatANewKeyMayRetry() {
        stripe.reply(400, "error_no_such_destination.json");

        ProviderResult result = provider.payout("payout:x:0", "acct_1QxTestGone0001", Money.of("41.00", "EUR"));

        assertThat(result).isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> assertThat(declined.code())
                .isEqualTo("resource_missing"));
    }

    @Test
    void aPayoutThatStripeCouldNotAnswerMayBeRetriedUnderTheSameKey() {
        stripe.reply(500, "error_api_error.json");

        ProviderResult result = provider.payout("payout:x:0", "acct_1QxTestHost0001", Money.of("41.00", "EUR"));

        assertThat(result).isInstanceOf(ProviderResult.ProviderError.class);
    }
}
