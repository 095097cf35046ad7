package dev.couchannel.payment.intent.web;

import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.web.MoneyView;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/payments/{bookingId}}: the payer's view of a booking's payment. */
@RestController
class PaymentController {

    private final PaymentIntents intents;

    PaymentController(PaymentIntents intents) {
        this.intents = intents;
    }

    record PaymentView(
            UUID bookingId,
            UUID paymentId,
            PaymentStatus status,
            MoneyView amount,
            MoneyView captured,
            MoneyView refunded,
            @Nullable String declineCode,
            @Nullable String declineReason,
            Instant updatedAt) {
        static PaymentView of(PaymentIntent intent) {
            Money zero = Money.zero(intent.amount().currency());
            return new PaymentView(
                    intent.bookingId(),
                    intent.paymentId(),
                    intent.status(),
                    MoneyView.of(intent.amount()),
                    MoneyView.of(intent.captured().map(split -> split.total()).orElse(zero)),
                    MoneyView.of(intent.refunded().total()),
                    intent.declineCode(),
                    intent.declineReason(),
                    intent.updatedAt());
        }
    }

    /** 404 unless the caller is the guest who pays: a payment's existence is not disclosed to others. */
    @GetMapping("/api/payments/{bookingId}")
    PaymentView get(@PathVariable UUID bookingId, HttpServletRequest request) {
        Caller caller = Caller.require(request);
        return intents.find(bookingId)
                .filter(intent -> intent.guestId().equals(caller.id()))
                .map(PaymentView::of)
                .orElseThrow(() -> ApiProblem.notFound("payment for booking", bookingId));
    }
}
