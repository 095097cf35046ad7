package dev.couchannel.inventory.seating.application;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.HostVenues;
import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.inventory.seating.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A host plans a session: a DRAFT at one of their venues for an upcoming fixture. The venue is
 * asked of hosting before anything is written; a draft is written only when every check passes.
 */
@Service
public class PlanSession {

    /** What a host may describe a session with. */
    public static final int MAX_DESCRIPTION = 2000;

    private final Sessions sessions;
    private final Fixtures fixtures;
    private final HostVenues venues;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlanSession(
            Sessions sessions, Fixtures fixtures, HostVenues venues, TransactionTemplate transactions, Clock clock) {
        this.sessions = sessions;
        this.fixtures = fixtures;
        this.venues = venues;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A session as the host describes it (formats already checked by the web adapter). */
    public record Plan(
            UUID venueId,
            UUID fixtureId,
            int seats,
            Money pricePerSeat,
            RefundPolicy refundPolicy,
            String description) {}

    public sealed interface Outcome {

        record Planned(ViewingSession session) implements Outcome {}

        /** Fields to fix; nothing was written. */
        record Invalid(List<Violation> violations) implements Outcome {}

        /** The venue is another host's; nothing was written. */
        record NotYourVenue() implements Outcome {}

        /** Hosting did not answer; nothing was written, the host may retry. */
        record VenuesUnavailable() implements Outcome {}
    }

    public Outcome plan(String hostId, Plan plan) {
        List<Violation> violations = new ArrayList<>();
        if (plan.pricePerSeat().amount().signum() < 0) {
            violations.add(new Violation("pricePerSeat.amount", "pricePerSeat.amount must not be negative"));
        }
        Optional<Fixture> fixture = fixtures.find(plan.fixtureId());
        if (fixture.isEmpty()) {
            violations.add(new Violation(
                    "fixtureId", "No fixture with id " + plan.fixtureId() + "; pick one from GET /api/fixtures."));
        } else if (!fixture.get().kickoff().isAfter(clock.instant())) {
            violations.add(new Violation("fixtureId", "This match has already kicked off; pick an upcoming fixture."));
        } else if (fixtures.isPostponed(plan.fixtureId())) {
            violations.add(new Violation("fixtureId", "This match was postponed; pick another fixture."));
        }
        switch (venues.venue(plan.venueId())) {
            case HostVenues.Lookup.NotFound notFound ->
                violations.add(new Violation(
                        "venueId",
                        "No venue with id " + plan.venueId() + "; register it first with POST /api/venues."));
            case HostVenues.Lookup.Unavailable unavailable -> {
                return new Outcome.VenuesUnavailable();
            }
            case HostVenues.Lookup.Found venue -> {
                if (!venue.hostId().equals(hostId)) {
                    return new Outcome.NotYourVenue();
                }
                if (plan.seats() > venue.capacity()) {
                    violations.add(new Violation(
                            "seats", "seats must be at most the venue's capacity, " + venue.capacity() + "."));
                }
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome.Invalid(violations);
        }
        ViewingSession session = ViewingSession.draft(
                UUID.randomUUID(),
                plan.fixtureId(),
                plan.venueId(),
                hostId,
                plan.seats(),
                plan.pricePerSeat(),
                plan.refundPolicy(),
                plan.description());
        transactions.executeWithoutResult(status -> sessions.add(session));
        return new Outcome.Planned(session);
    }
}
