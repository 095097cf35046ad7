package dev.couchannel.booking.reservation.web;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.application.ListSessionBookings;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sessions/{id}/bookings}: a session's bookings for its host (or an admin), each guest shown by a
 * masked e-mail address only, with the no-shows recorded.
 */
@RestController
class SessionBookingsController {

    private final ListSessionBookings list;

    SessionBookingsController(ListSessionBookings list) {
        this.list = list;
    }

    record SessionBookingsView(UUID sessionId, Instant kickoff, List<Item> bookings) {}

    record Item(
            UUID id,
            String guest,
            int seats,
            BookingStatus status,
            BookingController.@Nullable MoneyView total,
            @Nullable String cancelledBy,
            @Nullable Instant noShowAt,
            Instant createdAt) {
        static Item of(ListSessionBookings.Entry entry) {
            Booking booking = entry.booking();
            return new Item(
                    booking.id(),
                    maskEmail(booking.guestId()),
                    booking.seats(),
                    booking.status(),
                    BookingController.MoneyView.of(booking.total()),
                    booking.cancellation().map(c -> c.by().name()).orElse(null),
                    entry.noShow() == null ? null : entry.noShow().markedAt(),
                    booking.createdAt());
        }
    }

    @GetMapping("/api/sessions/{id}/bookings")
    SessionBookingsView bookings(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("list a session's bookings", Caller.HOST, Caller.ADMIN);
        return switch (list.list(id, caller.id(), caller.isAdmin())) {
            case ListSessionBookings.Outcome.Listed listed ->
                new SessionBookingsView(
                        listed.sessionId(),
                        listed.kickoff(),
                        listed.bookings().stream().map(Item::of).toList());
            case ListSessionBookings.Outcome.NotFound notFound -> throw ApiProblem.notFound("session", id);
            case ListSessionBookings.Outcome.HostUnknown unknown ->
                throw new ApiProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "Who hosts this session cannot be checked right now. Try again shortly.",
                        Map.of());
        };
    }

    /**
     * The first letter of the local part, the rest starred, and the domain: {@code g***@example.com}. A guest id that
     * is no e-mail address shows its first letter only.
     */
    static String maskEmail(String guestId) {
        int at = guestId.indexOf('@');
        if (at <= 0) {
            return guestId.isEmpty() ? "***" : guestId.charAt(0) + "***";
        }
        return guestId.charAt(0) + "***" + guestId.substring(at);
    }
}
