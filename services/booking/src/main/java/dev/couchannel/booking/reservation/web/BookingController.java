package dev.couchannel.booking.reservation.web;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Money;
import dev.couchannel.booking.reservation.application.RequestBooking;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/bookings} of the public API (contracts/openapi). */
@RestController
class BookingController {

    private final RequestBooking requestBooking;
    private final Bookings bookings;

    BookingController(RequestBooking requestBooking, Bookings bookings) {
        this.requestBooking = requestBooking;
        this.bookings = bookings;
    }

    record BookingRequest(
            @NotNull(message = "sessionId is required") UUID sessionId,

            @NotNull(message = "seats is required")
            @Min(value = 1, message = "seats must be at least 1")
            @Max(value = Booking.MAX_SEATS, message = "seats must be at most " + Booking.MAX_SEATS)
            Integer seats,

            @Nullable UUID quoteId,

            @NotBlank(message = "paymentMethod is required, e.g. pm_card_visa")
            @Pattern(
                    regexp = "[A-Za-z0-9_]{1,64}",
                    message = "paymentMethod must be a payment method token such as pm_card_visa")
            String paymentMethod) {}

    record MoneyView(String amount, String currency) {}

    record BookingView(
            UUID id,
            UUID sessionId,
            int seats,
            BookingStatus status,
            @Nullable String reason,
            @Nullable MoneyView total,
            Instant createdAt) {
        static BookingView of(Booking booking) {
            Money total = booking.total();
            return new BookingView(
                    booking.id(),
                    booking.sessionId(),
                    booking.seats(),
                    booking.status(),
                    booking.reason(),
                    total == null
                            ? null
                            : new MoneyView(
                                    total.amount().toPlainString(),
                                    total.currency().getCurrencyCode()),
                    booking.createdAt());
        }
    }

    @PostMapping("/api/bookings")
    ResponseEntity<BookingView> request(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequest body,
            HttpServletRequest http) {
        Caller caller = Caller.require(http);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ApiProblem.badRequest("Send an 'Idempotency-Key' header (1 to 100 characters, e.g. a UUID) "
                    + "so a retried request cannot book twice.");
        }
        RequestBooking.Outcome outcome = requestBooking.request(
                new RequestBooking.Request(
                        caller.id(), body.sessionId(), body.seats(), body.quoteId(), body.paymentMethod()),
                idempotencyKey);
        if (outcome instanceof RequestBooking.Outcome.KeyReused) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different booking request; use a new key.",
                    Map.of());
        }
        Booking booking = outcome.booking();
        return ResponseEntity.accepted()
                .location(URI.create("/api/bookings/" + booking.id()))
                .body(BookingView.of(booking));
    }

    @GetMapping("/api/bookings/{id}")
    BookingView get(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return bookings.find(id)
                .filter(booking -> booking.isOwnedBy(caller.id()))
                .map(BookingView::of)
                // another guest's booking is indistinguishable from a missing one
                .orElseThrow(() -> ApiProblem.notFound("booking", id));
    }

    @GetMapping("/api/bookings")
    List<BookingView> mine(HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return bookings.ofGuest(caller.id(), 100).stream().map(BookingView::of).toList();
    }
}
