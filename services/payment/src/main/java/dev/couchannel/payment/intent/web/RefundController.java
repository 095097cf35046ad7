package dev.couchannel.payment.intent.web;

import dev.couchannel.payment.intent.FailedRefunds;
import dev.couchannel.payment.intent.RefundFailure;
import dev.couchannel.payment.intent.ResolutionOutcome;
import dev.couchannel.payment.intent.application.RefundResolutions;
import dev.couchannel.payment.web.MoneyView;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The refunds a provider refused for good (admins): {@code GET /api/admin/refunds?status=FAILED} lists the
 * open ones newest first, so that an operator can give the guest's money back another way, and
 * {@code POST /api/admin/refunds/{bookingId}/resolution} records that they did ({@code status=RESOLVED}
 * lists those).
 */
@RestController
class RefundController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_REFERENCE = 200;
    static final int MAX_NOTE = 2000;

    private final FailedRefunds failedRefunds;
    private final RefundResolutions resolutions;

    RefundController(FailedRefunds failedRefunds, RefundResolutions resolutions) {
        this.failedRefunds = failedRefunds;
        this.resolutions = resolutions;
    }

    record ResolutionView(String reference, String note, MoneyView repaid, String resolvedBy, Instant resolvedAt) {
        static @Nullable ResolutionView of(RefundFailure.@Nullable Resolution resolution) {
            return resolution == null
                    ? null
                    : new ResolutionView(
                            resolution.reference(),
                            resolution.note(),
                            MoneyView.of(resolution.repaid()),
                            resolution.resolvedBy(),
                            resolution.resolvedAt());
        }
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
            Instant failedAt,
            @Nullable ResolutionView resolution) {
        static FailedRefundView of(FailedRefunds.FailedRefund refund) {
            RefundFailure failure = refund.failure();
            return new FailedRefundView(
                    refund.bookingId(),
                    refund.paymentId(),
                    refund.guestId(),
                    refund.hostId(),
                    MoneyView.of(failure.requested()),
                    failure.isResolved() ? "RESOLVED" : "FAILED",
                    failure.code(),
                    failure.providerReason(),
                    failure.reason(),
                    failure.failedAt(),
                    ResolutionView.of(failure.resolution()));
        }
    }

    record RefundsResponse(List<FailedRefundView> refunds) {}

    record ResolutionRequest(
            @Nullable String reference, @Nullable String note) {}

    record ResolutionResponse(UUID bookingId, List<FailedRefundView> refunds) {}

    @GetMapping("/api/admin/refunds")
    RefundsResponse refunds(
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "limit", required = false) @Nullable String limit,
            HttpServletRequest request) {
        Caller.require(request).requireRole("list refunds", Caller.ADMIN);
        String wanted = status == null ? "" : status.strip();
        if (!"FAILED".equals(wanted) && !"RESOLVED".equals(wanted)) {
            // only failures are kept apart; the others are in each payment and the ledger
            throw ApiProblem.invalidField(
                    "status",
                    "status must be FAILED (the refunds the payment provider refused for good, still open) or "
                            + "RESOLVED (those given back another way), got '" + status + "'.");
        }
        return new RefundsResponse(failedRefunds.newest("RESOLVED".equals(wanted), limit(limit)).stream()
                .map(FailedRefundView::of)
                .toList());
    }

    /**
     * Records that the money of a booking's refused refunds was given back another way (a bank transfer):
     * idempotent for the same reference.
     */
    @PostMapping("/api/admin/refunds/{bookingId}/resolution")
    ResolutionResponse resolve(
            @PathVariable("bookingId") String bookingId,
            @RequestBody(required = false) @Nullable ResolutionRequest body,
            HttpServletRequest request) {
        Caller caller = Caller.require(request).requireRole("resolve refunds", Caller.ADMIN);
        UUID booking = bookingId(bookingId);
        String reference =
                body == null || body.reference() == null ? "" : body.reference().strip();
        String note = body == null || body.note() == null ? "" : body.note().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (reference.isEmpty() || reference.length() > MAX_REFERENCE) {
            problems.add(new FieldProblem(
                    "reference",
                    "reference must say how the money was given back (e.g. the bank transfer's id), 1 to "
                            + MAX_REFERENCE + " characters."));
        }
        if (note.length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "note must be at most " + MAX_NOTE + " characters."));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(problems);
        }
        ResolutionOutcome outcome = resolutions
                .resolve(booking, reference, note, caller.id())
                .orElseThrow(() -> ApiProblem.notFound("payment of booking", booking));
        return switch (outcome) {
            case ResolutionOutcome.Resolved resolved ->
                new ResolutionResponse(
                        booking,
                        failedRefunds.ofBooking(booking).stream()
                                .map(FailedRefundView::of)
                                .toList());
            case ResolutionOutcome.NothingFailed nothing ->
                throw ApiProblem.conflict(
                        "No refund of booking " + booking
                                + " failed: there is nothing to resolve (GET /api/admin/refunds?status=FAILED lists the open ones).");
            case ResolutionOutcome.ResolvedBefore before ->
                throw ApiProblem.conflict("The failed refund of booking " + booking + " was resolved before, by "
                        + Objects.requireNonNull(before.failure().resolution()).resolvedBy() + " with reference '"
                        + Objects.requireNonNull(before.failure().resolution()).reference()
                        + "'; send that reference to read it again.");
        };
    }

    private static UUID bookingId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("bookingId", "bookingId must be a booking's UUID, got '" + value + "'.");
        }
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
