package dev.couchannel.inventory.seating.application;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.ConfirmSeats;
import dev.couchannel.contracts.inventory.v1.HoldExpired;
import dev.couchannel.contracts.inventory.v1.HoldSeats;
import dev.couchannel.contracts.inventory.v1.ReleaseSeats;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmationFailed;
import dev.couchannel.contracts.inventory.v1.SeatsConfirmed;
import dev.couchannel.contracts.inventory.v1.SeatsHeld;
import dev.couchannel.contracts.inventory.v1.SeatsReleased;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.inventory.seating.SeatDecision;
import dev.couchannel.inventory.seating.SeatHold;
import dev.couchannel.inventory.seating.SeatHolds;
import dev.couchannel.inventory.seating.SeatOffers;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seat commands of the booking saga. Each runs in the transaction of the inbox that received
 * it: load → act → save → reply through the outbox, all or nothing. Every command is idempotent
 * per booking id, so a redelivered or repeated command replies the same way without moving seats.
 */
@Service
public class SeatCommands {

    private static final String SOURCE = "inventory";

    private final Sessions sessions;
    private final SeatHolds holds;
    private final Outbox outbox;
    private final Clock clock;
    private final SeatOffers offers;

    public SeatCommands(Sessions sessions, SeatHolds holds, Outbox outbox, Clock clock, SeatOffers offers) {
        this.offers = offers;
        this.sessions = sessions;
        this.holds = holds;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(HoldSeats command) {
        UUID bookingId = UUID.fromString(command.getBookingId());
        UUID sessionId = UUID.fromString(command.getSessionId());
        Instant now = clock.instant();
        Optional<SeatHold> earlier = holds.lock(bookingId);
        if (earlier.isPresent()) {
            replyToRepeatedHold(earlier.get());
            return;
        }
        Optional<ViewingSession> found = sessions.lock(sessionId);
        if (found.isEmpty()) {
            reply(
                    bookingId,
                    SeatsUnavailable.newBuilder()
                            .setBookingId(command.getBookingId())
                            .setSessionId(command.getSessionId())
                            .setReason("This session does not exist.")
                            .build());
            return;
        }
        ViewingSession session = found.get();
        Instant until = WireTime.toInstant(command.getHoldUntil());
        SeatDecision decision = command.getWaitlistOfferId().isEmpty()
                ? session.hold(bookingId, command.getSeats(), until, now)
                : offers.acceptOffer(
                        session,
                        command.getWaitlistOfferId(),
                        bookingId,
                        command.getGuestId(),
                        command.getSeats(),
                        until,
                        now);
        switch (decision) {
            case SeatDecision.Held held -> {
                sessions.save(session);
                holds.add(held.hold());
                reply(bookingId, seatsHeld(held.hold(), session));
                availabilityChanged(session, now);
            }
            case SeatDecision.Refused refused -> {
                holds.add(refused.hold());
                reply(
                        bookingId,
                        SeatsUnavailable.newBuilder()
                                .setBookingId(command.getBookingId())
                                .setSessionId(command.getSessionId())
                                .setReason(refused.reason())
                                .setSeatsLeft(session.seats().free())
                                .build());
            }
            default -> throw new IllegalStateException("hold cannot decide " + session);
        }
    }

    private void replyToRepeatedHold(SeatHold hold) {
        ViewingSession session = sessions.find(hold.sessionId()).orElseThrow();
        switch (hold.status()) {
            case HELD, SOLD -> reply(hold.bookingId(), seatsHeld(hold, session));
            case REFUSED, RELEASED, EXPIRED ->
                reply(
                        hold.bookingId(),
                        SeatsUnavailable.newBuilder()
                                .setBookingId(hold.bookingId().toString())
                                .setSessionId(hold.sessionId().toString())
                                .setReason(hold.reason() == null ? "The seats are no longer reserved." : hold.reason())
                                .setSeatsLeft(session.seats().free())
                                .build());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(ConfirmSeats command) {
        UUID bookingId = UUID.fromString(command.getBookingId());
        Optional<SeatHold> found = holds.lock(bookingId);
        if (found.isEmpty()) {
            reply(
                    bookingId,
                    SeatsConfirmationFailed.newBuilder()
                            .setBookingId(command.getBookingId())
                            .setSessionId(command.getSessionId())
                            .setReason("The seats were not reserved for this booking.")
                            .build());
            return;
        }
        SeatHold hold = found.get();
        ViewingSession session = sessions.lock(hold.sessionId()).orElseThrow();
        Instant now = clock.instant();
        switch (session.sell(hold, now)) {
            case SeatDecision.Sold sold -> {
                sessions.save(session);
                holds.save(hold);
                reply(
                        bookingId,
                        SeatsConfirmed.newBuilder()
                                .setBookingId(command.getBookingId())
                                .setSessionId(hold.sessionId().toString())
                                .build());
                availabilityChanged(session, now);
            }
            case SeatDecision.NotSold notSold -> {
                sessions.save(session);
                holds.save(hold);
                reply(
                        bookingId,
                        SeatsConfirmationFailed.newBuilder()
                                .setBookingId(command.getBookingId())
                                .setSessionId(hold.sessionId().toString())
                                .setReason(notSold.reason())
                                .build());
                availabilityChanged(session, now);
            }
            default -> throw new IllegalStateException("sell cannot decide " + session);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void release(ReleaseSeats command) {
        UUID bookingId = UUID.fromString(command.getBookingId());
        Optional<SeatHold> found = holds.lock(bookingId);
        int freed = 0;
        if (found.isPresent()) {
            SeatHold hold = found.get();
            ViewingSession session = sessions.lock(hold.sessionId()).orElseThrow();
            Instant now = clock.instant();
            if (session.release(hold, command.getReason(), now) instanceof SeatDecision.Released released
                    && released.seatsFreed() > 0) {
                freed = released.seatsFreed();
                sessions.save(session);
                holds.save(hold);
                availabilityChanged(session, now);
                offers.seatsFreed(session.id(), now);
            }
        }
        reply(
                bookingId,
                SeatsReleased.newBuilder()
                        .setBookingId(command.getBookingId())
                        .setSessionId(command.getSessionId())
                        .setSeats(freed)
                        .build());
    }

    /**
     * Frees the seats of holds that ran out, so a crashed or abandoned saga never keeps seats.
     *
     * @return how many holds expired
     */
    @Transactional
    public int expireHolds(int limit) {
        Instant now = clock.instant();
        int expired = 0;
        for (SeatHold hold : holds.lockExpired(now, limit)) {
            ViewingSession session = sessions.lock(hold.sessionId()).orElseThrow();
            if (session.expire(hold, now)) {
                sessions.save(session);
                holds.save(hold);
                outbox.append(
                        Topics.INVENTORY_EVENTS,
                        ProtobufEvents.wrap(
                                SOURCE,
                                session.id().toString(),
                                HoldExpired.newBuilder()
                                        .setBookingId(hold.bookingId().toString())
                                        .setSessionId(session.id().toString())
                                        .setSeats(hold.seats())
                                        .build(),
                                now));
                availabilityChanged(session, now);
                offers.seatsFreed(session.id(), now);
                expired++;
            }
        }
        return expired;
    }

    private SeatsHeld seatsHeld(SeatHold hold, ViewingSession session) {
        return SeatsHeld.newBuilder()
                .setBookingId(hold.bookingId().toString())
                .setSessionId(hold.sessionId().toString())
                .setSeats(hold.seats())
                .setExpiresAt(WireTime.of(hold.expiresAt()))
                .setSeatsLeft(session.seats().free())
                .setPricePerSeat(WireMoney.of(
                        session.pricePerSeat().amount(), session.pricePerSeat().currency()))
                .setHostId(session.hostId())
                .build();
    }

    private void availabilityChanged(ViewingSession session, Instant now) {
        outbox.append(
                Topics.INVENTORY_EVENTS,
                ProtobufEvents.wrap(
                        SOURCE,
                        session.id().toString(),
                        SeatAvailabilityChanged.newBuilder()
                                .setSessionId(session.id().toString())
                                .setCapacity(session.seats().capacity())
                                .setSeatsFree(session.seats().free())
                                .setSeatsHeld(session.seats().held())
                                .setSeatsSold(session.seats().sold())
                                .setAt(WireTime.of(now))
                                .build(),
                        now));
    }

    private void reply(UUID bookingId, Message message) {
        outbox.append(
                Topics.BOOKING_REPLIES, ProtobufEvents.wrap(SOURCE, bookingId.toString(), message, clock.instant()));
    }
}
