package dev.couchannel.pricing.quote.application;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.pricing.v1.ConfirmQuote;
import dev.couchannel.contracts.pricing.v1.QuoteConfirmed;
import dev.couchannel.contracts.pricing.v1.QuoteRejected;
import dev.couchannel.contracts.pricing.v1.QuoteReleased;
import dev.couchannel.contracts.pricing.v1.ReleaseQuote;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.pricing.quote.Money;
import dev.couchannel.pricing.quote.PriceLock;
import dev.couchannel.pricing.quote.PriceLocks;
import dev.couchannel.pricing.quote.PricingRule;
import dev.couchannel.pricing.quote.Quote;
import dev.couchannel.pricing.quote.Quotes;
import dev.couchannel.pricing.quote.SessionFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pricing step of the booking saga. Each command runs in the transaction of the inbox that
 * received it: load → act → save → reply through the outbox, all or nothing. Both commands are
 * idempotent per booking id: the answer is kept in {@link PriceLocks} and a repeat gets it again.
 */
@Service
public class QuoteCommands {

    private static final String SOURCE = "pricing";

    static final String UNAVAILABLE = "Pricing is unavailable right now; please try again.";

    private final Quotes quotes;
    private final PriceLocks locks;
    private final SessionFacts sessions;
    private final PricingRule rule;
    private final PricingProperties properties;
    private final Outbox outbox;
    private final Clock clock;

    public QuoteCommands(
            Quotes quotes,
            PriceLocks locks,
            SessionFacts sessions,
            PricingRule rule,
            PricingProperties properties,
            Outbox outbox,
            Clock clock) {
        this.quotes = quotes;
        this.locks = locks;
        this.sessions = sessions;
        this.rule = rule;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * ConfirmQuote in two steps (see {@link Inbox#prepareThenReceive}): a booking without a quote is
     * priced from the session's facts, read over gRPC here, outside any transaction; the returned
     * completion then locks the price in the inbox transaction.
     */
    public Inbox.Completion confirm(ConfirmQuote command) {
        SessionFacts.@Nullable Lookup facts = command.getQuoteId().isBlank() && Quote.allowedSeats(command.getSeats())
                ? sessions.lookup(UUID.fromString(command.getSessionId()))
                : null;
        return () -> confirm(command, facts);
    }

    private void confirm(ConfirmQuote command, SessionFacts.@Nullable Lookup facts) {
        UUID bookingId = UUID.fromString(command.getBookingId());
        Optional<PriceLock> earlier = locks.lock(bookingId);
        if (earlier.isPresent()) {
            reply(earlier.get());
            return;
        }
        Instant now = clock.instant();
        UUID sessionId = UUID.fromString(command.getSessionId());
        PriceLock answer;
        if (command.getQuoteId().isBlank()) {
            answer = priceNowAndLock(bookingId, command.getSeats(), command.getGuestId(), facts, now);
        } else {
            answer = lockQuote(bookingId, parse(command.getQuoteId()), sessionId, command, now);
        }
        locks.save(answer);
        reply(answer);
    }

    private PriceLock lockQuote(
            UUID bookingId, Optional<UUID> quoteId, UUID sessionId, ConfirmQuote command, Instant now) {
        Optional<Quote> found = quoteId.flatMap(quotes::lock);
        if (found.isEmpty()) {
            return PriceLock.refused(bookingId, null, "This price quote does not exist; get a new one.", now);
        }
        Quote quote = found.get();
        Optional<String> refusal = quote.lockFor(bookingId, sessionId, command.getSeats(), command.getGuestId(), now);
        if (refusal.isPresent()) {
            return PriceLock.refused(bookingId, quote.id(), refusal.get(), now);
        }
        quotes.save(quote);
        return PriceLock.locked(bookingId, quote, now);
    }

    /** Without a quote the booking pays what the seats cost now. */
    private PriceLock priceNowAndLock(
            UUID bookingId, int seats, String guestId, SessionFacts.@Nullable Lookup facts, Instant now) {
        if (facts == null) {
            return PriceLock.refused(bookingId, null, "A booking takes 1 to " + Quote.MAX_SEATS + " seats.", now);
        }
        return switch (facts) {
            case SessionFacts.Lookup.NotFound notFound ->
                PriceLock.refused(bookingId, null, "This session does not exist.", now);
            case SessionFacts.Lookup.Unavailable unavailable -> PriceLock.refused(bookingId, null, UNAVAILABLE, now);
            case SessionFacts.Lookup.Found found -> {
                if (!found.session().open()) {
                    yield PriceLock.refused(bookingId, null, "This session is not open for booking.", now);
                }
                Quote quote = Quote.offer(rule, found.session(), seats, guestId, now, properties.quoteTtl());
                quote.lockFor(bookingId, found.session().sessionId(), seats, guestId, now)
                        .ifPresent(reason -> {
                            throw new IllegalStateException("a fresh quote refused its lock: " + reason);
                        });
                quotes.add(quote);
                yield PriceLock.locked(bookingId, quote, now);
            }
        };
    }

    /** Compensation: gives the booking's price back. Releasing nothing is not an error. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(ReleaseQuote command) {
        UUID bookingId = UUID.fromString(command.getBookingId());
        Instant now = clock.instant();
        String why = command.getReason().isBlank() ? "released" : command.getReason();
        PriceLock lock = locks.lock(bookingId)
                .orElseGet(() -> PriceLock.refused(bookingId, null, PriceLock.RELEASED_REASON, now));
        if (lock.status() == PriceLock.Status.LOCKED && lock.quoteId() != null) {
            quotes.lock(lock.quoteId()).ifPresent(quote -> {
                if (quote.unlock(bookingId)) {
                    quotes.save(quote);
                }
            });
        }
        if (lock.status() != PriceLock.Status.RELEASED) {
            // also when nothing was locked: a ConfirmQuote overtaken by its release must not lock later
            locks.save(lock.release(why, now));
        }
        send(
                bookingId,
                QuoteReleased.newBuilder().setBookingId(bookingId.toString()).build());
    }

    private void reply(PriceLock lock) {
        String bookingId = lock.bookingId().toString();
        Message reply =
                switch (lock.status()) {
                    case LOCKED ->
                        QuoteConfirmed.newBuilder()
                                .setBookingId(bookingId)
                                .setQuoteId(String.valueOf(lock.quoteId()))
                                .setTotal(money(lock.total()))
                                .build();
                    case REFUSED ->
                        QuoteRejected.newBuilder()
                                .setBookingId(bookingId)
                                .setReason(String.valueOf(lock.reason()))
                                .build();
                    case RELEASED ->
                        QuoteRejected.newBuilder()
                                .setBookingId(bookingId)
                                .setReason(PriceLock.RELEASED_REASON)
                                .build();
                };
        send(lock.bookingId(), reply);
    }

    private void send(UUID bookingId, Message message) {
        outbox.append(
                Topics.BOOKING_REPLIES, ProtobufEvents.wrap(SOURCE, bookingId.toString(), message, clock.instant()));
    }

    static dev.couchannel.contracts.common.v1.Money money(Money money) {
        return WireMoney.of(money.amount(), money.currency());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
