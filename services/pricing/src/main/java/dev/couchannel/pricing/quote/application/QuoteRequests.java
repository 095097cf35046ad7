package dev.couchannel.pricing.quote.application;

import dev.couchannel.pricing.quote.PricedSession;
import dev.couchannel.pricing.quote.PricingRule;
import dev.couchannel.pricing.quote.Quote;
import dev.couchannel.pricing.quote.Quotes;
import dev.couchannel.pricing.quote.SessionFacts;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A guest asks what seats cost (REST and gRPC): look the session up (outside any transaction:
 * the remote calls may take up to their deadline), price it, store the quote.
 */
@Service
public class QuoteRequests {

    private final SessionFacts sessions;
    private final PricingRule rule;
    private final Quotes quotes;
    private final PricingProperties properties;
    private final Clock clock;

    public QuoteRequests(
            SessionFacts sessions, PricingRule rule, Quotes quotes, PricingProperties properties, Clock clock) {
        this.sessions = sessions;
        this.rule = rule;
        this.quotes = quotes;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of a request. */
    public sealed interface Outcome {

        record Quoted(Quote quote) implements Outcome {}

        record NoSuchSession(UUID sessionId) implements Outcome {}

        record NotOpen(UUID sessionId) implements Outcome {}

        record Unavailable(String why) implements Outcome {}
    }

    /** Seats must already be within {@link Quote#allowedSeats(int)}. */
    public Outcome quote(UUID sessionId, int seats, String guestId) {
        return price(sessionId, seats, guestId, true);
    }

    /** What a quote would say now, stored nowhere: for showing a price, never for holding one. */
    public Outcome preview(UUID sessionId, int seats) {
        return price(sessionId, seats, PREVIEW, false);
    }

    /** The guest of a preview: nobody's, so no guest can find it as theirs. */
    private static final String PREVIEW = "";

    private Outcome price(UUID sessionId, int seats, String guestId, boolean keep) {
        if (!Quote.allowedSeats(seats)) {
            throw new IllegalArgumentException("seats out of range: " + seats);
        }
        return switch (sessions.lookup(sessionId)) {
            case SessionFacts.Lookup.NotFound notFound -> new Outcome.NoSuchSession(sessionId);
            case SessionFacts.Lookup.Unavailable unavailable -> new Outcome.Unavailable(unavailable.why());
            case SessionFacts.Lookup.Found found -> offer(found.session(), seats, guestId, keep);
        };
    }

    private Outcome offer(PricedSession session, int seats, String guestId, boolean keep) {
        if (!session.open()) {
            return new Outcome.NotOpen(session.sessionId());
        }
        Quote quote = Quote.offer(rule, session, seats, guestId, clock.instant(), properties.quoteTtl());
        if (keep) {
            quotes.add(quote);
        }
        return new Outcome.Quoted(quote);
    }

    /** The quote, if {@code guestId} asked for it: others do not learn that it exists. */
    public Optional<Quote> find(UUID id, String guestId) {
        return quotes.find(id).filter(quote -> quote.guestId().equals(guestId));
    }
}
