package dev.couchannel.booking.reservation.web;

import dev.couchannel.booking.reservation.Booking;
import dev.couchannel.booking.reservation.BookingStatus;
import dev.couchannel.booking.reservation.Bookings;
import dev.couchannel.booking.reservation.Money;
import dev.couchannel.booking.reservation.application.CancelBooking;
import dev.couchannel.booking.reservation.application.Decisions;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
    private final Decisions decisions;

    private final Duration maxPreferWait;
    private final CancelBooking cancelBooking;

    BookingController(
            RequestBooking requestBooking,
            CancelBooking cancelBooking,
            Bookings bookings,
            Decisions decisions,
            @Value("${couchannel.booking.max-prefer-wait:30s}") Duration maxPreferWait) {
        this.requestBooking = requestBooking;
        this.cancelBooking = cancelBooking;
        this.bookings = bookings;
        this.decisions = decisions;
        this.maxPreferWait = maxPreferWait;
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
            String paymentMethod,

            @Nullable UUID waitlistOfferId) {}

    record MoneyView(String amount, String currency) {
        static @Nullable MoneyView of(@Nullable Money money) {
            return money == null
                    ? null
                    : new MoneyView(
                            money.amount().toPlainString(), money.currency().getCurrencyCode());
        }
    }

    record BookingView(
            UUID id,
            UUID sessionId,
            int seats,
            BookingStatus status,
            @Nullable String reason,
            @Nullable MoneyView total,
            @Nullable MoneyView refund,
            @Nullable String cancelledBy,
            @Nullable String refundStatus,
            @Nullable UUID waitlistOfferId,
            Instant createdAt) {
        static BookingView of(Booking booking) {
            return new BookingView(
                    booking.id(),
                    booking.sessionId(),
                    booking.seats(),
                    booking.status(),
                    booking.reason(),
                    MoneyView.of(booking.total()),
                    MoneyView.of(booking.refund()),
                    booking.cancellation().map(c -> c.by().name()).orElse(null),
                    booking.refundStatus().map(Enum::name).orElse(null),
                    booking.waitlistOfferId(),
                    booking.createdAt());
        }
    }

    @PostMapping("/api/bookings")
    ResponseEntity<BookingView> request(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "Prefer", required = false) @Nullable String prefer,
            @Valid @RequestBody BookingRequest body,
            HttpServletRequest http) {
        Caller caller = Caller.require(http);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ApiProblem.badRequest("Send an 'Idempotency-Key' header (1 to 100 characters, e.g. a UUID) "
                    + "so a retried request cannot book twice.");
        }
        RequestBooking.Outcome outcome = requestBooking.request(
                new RequestBooking.Request(
                        caller.id(),
                        body.sessionId(),
                        body.seats(),
                        body.quoteId(),
                        body.paymentMethod(),
                        body.waitlistOfferId()),
                idempotencyKey);
        Booking booking =
                switch (outcome) {
                    case RequestBooking.Outcome.Accepted accepted -> accepted.booking();
                    case RequestBooking.Outcome.Replayed replayed -> replayed.booking();
                    case RequestBooking.Outcome.KeyReused reused ->
                        throw problem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "Idempotency-Key reused",
                                "This Idempotency-Key was already used for a different booking request; use a new key.");
                    case RequestBooking.Outcome.KeyInFlight inFlight ->
                        throw problem(
                                HttpStatus.CONFLICT,
                                "Request in progress",
                                "A request with this Idempotency-Key is still being processed; retry it in a moment.");
                    case RequestBooking.Outcome.UnknownSession unknown ->
                        throw ApiProblem.notFound("session", body.sessionId());
                    case RequestBooking.Outcome.SessionClosed closed ->
                        throw problem(HttpStatus.CONFLICT, "Session closed", "This session is not open for booking.");
                    case RequestBooking.Outcome.OverGuestSeatCap cap ->
                        throw new ApiProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "Seat limit reached",
                                "A guest may book at most " + cap.cap() + " seats of a session; you already have "
                                        + cap.alreadyBooked() + ". Ask for fewer seats.",
                                Map.of("limit", cap.cap(), "alreadyBooked", cap.alreadyBooked()));
                    case RequestBooking.Outcome.MoreSeatsThanTheSessionHas tooMany ->
                        throw ApiProblem.invalidField(
                                "seats", "this session has " + tooMany.capacity() + " seats in all");
                };
        Duration wait = PreferWait.parse(prefer, maxPreferWait);
        if (!wait.isZero() && !booking.status().isFinal()) {
            booking = awaitDecision(booking, wait);
        }
        ResponseEntity.BodyBuilder response =
                booking.status().isFinal() ? ResponseEntity.ok() : ResponseEntity.accepted();
        if (!wait.isZero()) {
            response.header("Preference-Applied", "wait=" + wait.toSeconds());
        }
        return response.location(URI.create("/api/bookings/" + booking.id())).body(BookingView.of(booking));
    }

    /**
     * RFC 7240 {@code Prefer: wait=N}: hold the answer until the saga decides, at most N seconds.
     * A decision committed in this instance wakes the request at once; one made elsewhere is found
     * at the next look at the database, after pauses that double from 20 ms to 1 s.
     */
    private Booking awaitDecision(Booking booking, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 20;
        try (Decisions.Wait decision = decisions.await(booking.id())) {
            Booking current = bookings.find(booking.id()).orElse(booking);
            while (!current.status().isFinal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return current;
                }
                decision.pause(Duration.ofNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause))));
                pause = Math.min(pause * 2, 1000);
                current = bookings.find(booking.id()).orElse(current);
            }
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return booking;
        }
    }

    private static ApiProblem problem(HttpStatus status, String title, String detail) {
        return new ApiProblem(status, title, detail, Map.of());
    }

    @PostMapping("/api/bookings/{id}/cancel")
    BookingView cancel(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return switch (cancelBooking.cancel(id, caller.id(), caller.isAdmin())) {
            case CancelBooking.Outcome.Cancelled cancelled -> BookingView.of(cancelled.booking());
            case CancelBooking.Outcome.NotFound notFound -> throw ApiProblem.notFound("booking", id);
            case CancelBooking.Outcome.NotCancellable not ->
                throw problem(
                        HttpStatus.CONFLICT,
                        "Not cancellable",
                        "Only a confirmed booking can be cancelled; this one is "
                                + not.booking().status() + ".");
            case CancelBooking.Outcome.TermsUnavailable unavailable ->
                throw problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "The session's refund terms cannot be read right now; nothing changed. Try again shortly.");
        };
    }

    @GetMapping("/api/bookings/{id}")
    BookingView get(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return bookings.find(id)
                .filter(booking -> booking.isOwnedBy(caller.id()) || caller.isAdmin())
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
