package dev.couchannel.inventory.seating.application;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.LifecycleDecision;
import dev.couchannel.inventory.seating.PublicationRules;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The host publishes a draft: compliance checks it (over gRPC, outside any transaction, reading the
 * draft back from this service), then one transaction opens it for booking and appends
 * {@code SessionPublished}. Publishing a published session again answers it unchanged.
 */
@Service
public class PublishSession {

    private final Sessions sessions;
    private final Fixtures fixtures;
    private final PublicationRules rules;
    private final SessionEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PublishSession(
            Sessions sessions,
            Fixtures fixtures,
            PublicationRules rules,
            SessionEvents events,
            TransactionTemplate transactions,
            Clock clock) {
        this.sessions = sessions;
        this.fixtures = fixtures;
        this.rules = rules;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public sealed interface Outcome {

        /** Open for booking (now, or already before). */
        record Published(ViewingSession session) implements Outcome {}

        /** No such session, or a draft of another host (drafts are invisible to others). */
        record NotFound() implements Outcome {}

        /** Another host's published or cancelled session. */
        record NotYours() implements Outcome {}

        /** It cannot be published as it is (cancelled, kicked off); {@code reason} is for the host. */
        record NotPublishable(String reason) implements Outcome {}

        /** A broadcasting rule forbids it; it stays a draft. */
        record Refused(List<PublicationRules.Finding> findings) implements Outcome {}

        /** Compliance did not decide; nothing changed. */
        record RulesUnavailable() implements Outcome {}
    }

    public Outcome publish(UUID sessionId, String hostId) {
        Optional<ViewingSession> found = sessions.find(sessionId);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        ViewingSession session = found.get();
        if (!session.isHostedBy(hostId)) {
            return session.status() == SessionStatus.DRAFT ? new Outcome.NotFound() : new Outcome.NotYours();
        }
        switch (session.status()) {
            case PUBLISHED -> {
                return new Outcome.Published(session);
            }
            case CANCELLED -> {
                return new Outcome.NotPublishable("A cancelled session cannot be published again.");
            }
            case DRAFT -> {}
        }
        Optional<String> tooLate = tooLate(session);
        if (tooLate.isPresent()) {
            return new Outcome.NotPublishable(tooLate.get());
        }
        return switch (rules.check(sessionId)) {
            case PublicationRules.Verdict.Allowed allowed -> open(sessionId);
            case PublicationRules.Verdict.Refused refused -> new Outcome.Refused(refused.findings());
            case PublicationRules.Verdict.Unavailable unavailable -> new Outcome.RulesUnavailable();
        };
    }

    private Optional<String> tooLate(ViewingSession session) {
        Optional<Fixture> fixture = fixtures.find(session.fixtureId());
        if (fixture.isEmpty() || !fixture.get().kickoff().isAfter(clock.instant())) {
            return Optional.of("The match has already kicked off; this session can no longer be published.");
        }
        if (fixtures.isPostponed(session.fixtureId())) {
            return Optional.of("The match was postponed; this session can no longer be published.");
        }
        return Optional.empty();
    }

    private Outcome open(UUID sessionId) {
        return transactions.execute(status -> {
            ViewingSession session = sessions.lock(sessionId).orElseThrow();
            Instant now = clock.instant();
            return switch (session.publish()) {
                case LifecycleDecision.Changed changed -> {
                    sessions.save(session);
                    events.published(session, fixtures.find(session.fixtureId()).orElseThrow(), now);
                    yield new Outcome.Published(session);
                }
                case LifecycleDecision.Unchanged unchanged -> new Outcome.Published(session);
                case LifecycleDecision.Refused refused -> new Outcome.NotPublishable(refused.reason());
            };
        });
    }
}
