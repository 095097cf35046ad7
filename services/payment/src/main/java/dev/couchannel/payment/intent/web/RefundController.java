package dev.couchannel.payment.intent.web;

import dev.couchannel.payment.intent.FailedRefunds;
import dev.couchannel.payment.web.MoneyView;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/refunds?status=FAILED}: the refunds a provider refused for good (admins),
 * newest first, so that an operator can give the guest's money back another way.
 */
@RestController
class RefundController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final FailedRefunds failedRefunds;

    RefundController(FailedRefunds failedRefunds) {
        this.failedRefunds = failedRefunds;
    }

    record FailedRefundView(
            UUID bookingId,
            UUID paymentId,
            String guestId,
            String hostId,
            MoneyView amount,
            String status,
            String code,
            String reason,
            String refundReason,
            Instant failedAt) {
        static FailedRefundView of(FailedRefunds.FailedRefund refund) {
            return new FailedRefundView(
                    refund.bookingId(),
                    refund.paymentId(),
                    refund.guestId(),
                    refund.hostId(),
                    MoneyView.of(refund.failure().requested()),
                    "FAILED",
                    refund.failure().code(),
                    refund.failure().providerReason(),
                    refund.failure().reason(),
                    refund.failure().failedAt());
        }
    }

    record RefundsResponse(List<FailedRefundView> refunds) {}

    @GetMapping("/api/admin/refunds")
    RefundsResponse refunds(
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "limit", required = false) @Nullable String limit,
            HttpServletRequest request) {
        Caller.require(request).requireRole("list refunds", Caller.ADMIN);
        if (status == null || !"FAILED".equals(status.strip())) {
            // only failures are kept apart; the others are in each payment and the ledger
            throw ApiProblem.invalidField(
                    "status",
                    "status must be FAILED (the refunds the payment provider refused for good), got '" + status + "'.");
        }
        return new RefundsResponse(failedRefunds.newest(limit(limit)).stream()
                .map(FailedRefundView::of)
                .toList());
    }

    private static int limit(@Nullable String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalidField(
                "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'.");
    }
}
