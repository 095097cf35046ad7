package dev.couchannel.inventory.seating.application;

import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.CancellationCause;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin records that a fixture was postponed: every session of it is cancelled with cause
 * {@code FIXTURE_POSTPONED} (force majeure: full refunds, no host penalty), each in its own
 * transaction, and no new session may be planned for it. Postponing again cancels what is left
 * (nothing, normally) and changes nothing else.
 */
@Service
public class PostponeFixture {

    private final Fixtures fixtures;
    private final Sessions sessions;
    private final CancelSession cancelSession;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PostponeFixture(
            Fixtures fixtures,
            Sessions sessions,
            CancelSession cancelSession,
            TransactionTemplate transactions,
            Clock clock) {
        this.fixtures = fixtures;
        this.sessions = sessions;
        this.cancelSession = cancelSession;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the sessions this call cancelled; empty when the fixture is unknown */
    public Optional<List<UUID>> postpone(UUID fixtureId, String adminId, String reason) {
        if (fixtures.find(fixtureId).isEmpty()) {
            return Optional.empty();
        }
        transactions.executeWithoutResult(status -> fixtures.postpone(fixtureId, reason, adminId, clock.instant()));
        List<UUID> cancelled = new ArrayList<>();
        for (UUID sessionId : sessions.idsOfFixture(fixtureId)) {
            CancelSession.Outcome outcome = cancelSession.retryingDeadlocks(() -> transactions.execute(status -> {
                ViewingSession session = sessions.lock(sessionId).orElseThrow();
                return cancelSession.cancelLocked(session, CancellationCause.FIXTURE_POSTPONED, reason, adminId);
            }));
            if (outcome instanceof CancelSession.Outcome.Cancelled) {
                cancelled.add(sessionId);
            }
        }
        return Optional.of(cancelled);
    }
}
