package dev.couchannel.booking.reservation.web;

import dev.couchannel.booking.reservation.NoShow;
import dev.couchannel.booking.reservation.application.MarkNoShow;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/bookings/{id}/no-show}: the session's host records a guest who did not come (ADR 20). */
@RestController
class NoShowController {

    private final MarkNoShow markNoShow;

    NoShowController(MarkNoShow markNoShow) {
        this.markNoShow = markNoShow;
    }

    record NoShowView(UUID bookingId, UUID sessionId, int seats, Instant markedAt) {
        static NoShowView of(NoShow noShow) {
            return new NoShowView(noShow.bookingId(), noShow.sessionId(), noShow.seats(), noShow.markedAt());
        }
    }

    @PostMapping("/api/bookings/{id}/no-show")
    NoShowView mark(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("record no-shows", Caller.HOST);
        return switch (markNoShow.mark(id, caller.id())) {
            case MarkNoShow.Outcome.Recorded recorded -> NoShowView.of(recorded.noShow());
            case MarkNoShow.Outcome.NotFound notFound -> throw ApiProblem.notFound("booking", id);
            case MarkNoShow.Outcome.HostUnknown unknown ->
                throw new ApiProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "Who hosts this booking's session cannot be checked right now; nothing changed. Try again shortly.",
                        Map.of());
            case MarkNoShow.Outcome.Refused refused -> throw refusal(refused.decision());
        };
    }

    private static ApiProblem refusal(NoShow.Decision decision) {
        String detail =
                switch (decision) {
                    case NoShow.Decision.NotConfirmed not ->
                        "Only a confirmed booking's guest can be a no-show; this booking is " + not.status() + ".";
                    case NoShow.Decision.TooEarly early ->
                        "The session has not kicked off yet (kickoff " + early.kickoff()
                                + "); record a no-show once it has.";
                    case NoShow.Decision.TooLate late ->
                        "No-shows are recorded within 72 h of kickoff; this session's window closed at "
                                + late.closedAt() + ".";
                    case NoShow.Decision.Marked marked -> throw new IllegalStateException("not a refusal");
                };
        String reason =
                switch (decision) {
                    case NoShow.Decision.NotConfirmed not -> "NOT_CONFIRMED";
                    case NoShow.Decision.TooEarly early -> "TOO_EARLY";
                    case NoShow.Decision.TooLate late -> "TOO_LATE";
                    case NoShow.Decision.Marked marked -> "MARKED";
                };
        return new ApiProblem(HttpStatus.CONFLICT, "Cannot record a no-show", detail, Map.of("reason", reason));
    }
}
