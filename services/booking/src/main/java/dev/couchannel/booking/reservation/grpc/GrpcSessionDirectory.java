package dev.couchannel.booking.reservation.grpc;

import dev.couchannel.booking.reservation.RefundPolicy;
import dev.couchannel.booking.reservation.SessionDirectory;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.platform.service.grpc.RecentAnswers;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Asks inventory's gRPC catalog, with a deadline; channel {@code spring.grpc.client.channel.inventory}.
 * An open session's availability is kept for {@code couchannel.booking.session-check-fresh-for}
 * (1 s): a crowd booking one session asks once a second, not once per booking. A session closed
 * within that second still passes this first check; inventory refuses its hold, and the booking is
 * rejected with the reason.
 */
@Component
class GrpcSessionDirectory implements SessionDirectory {

    private static final Logger log = LoggerFactory.getLogger(GrpcSessionDirectory.class);

    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final long deadlineMillis;
    private final RecentAnswers<UUID, Availability> openSessions;

    GrpcSessionDirectory(
            GrpcChannelFactory channels,
            @Value("${couchannel.booking.session-check-deadline:1s}") Duration deadline,
            @Value("${couchannel.booking.session-check-fresh-for:1s}") Duration freshFor) {
        this.inventory = SessionCatalogGrpc.newBlockingStub(channels.createChannel("inventory"));
        this.deadlineMillis = deadline.toMillis();
        this.openSessions = new RecentAnswers<>(freshFor, 10_000, Availability.Open.class::isInstance);
    }

    @Override
    public Optional<RefundTerms> refundTerms(UUID sessionId) {
        try {
            SessionDetails session = fetch(sessionId);
            return Optional.of(new RefundTerms(
                    RefundPolicy.valueOf(session.getRefundPolicy()),
                    WireTime.toInstant(session.getFixture().getKickoff())));
        } catch (StatusRuntimeException | IllegalArgumentException e) {
            log.warn("no refund terms for session {}: {}", sessionId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Hosting hosting(UUID sessionId) {
        try {
            SessionDetails session = fetch(sessionId);
            if (!session.hasFixture()) {
                return new Hosting.Unknown();
            }
            return new Hosting.Known(
                    session.getHostId().toLowerCase(java.util.Locale.ROOT),
                    WireTime.toInstant(session.getFixture().getKickoff()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return new Hosting.Unknown();
            }
            log.warn("inventory did not answer about session {}'s host ({})", sessionId, e.getStatus());
            return new Hosting.Unreachable();
        }
    }

    @Override
    public Availability availability(UUID sessionId) {
        return openSessions.get(sessionId, this::ask);
    }

    private Availability ask(UUID sessionId) {
        try {
            SessionDetails session = fetch(sessionId);
            return "PUBLISHED".equals(session.getStatus())
                    ? new Availability.Open(session.getSeats())
                    : new Availability.Closed();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return new Availability.Unknown();
            }
            log.warn("inventory did not answer about session {} ({}); the saga will decide", sessionId, e.getStatus());
            return new Availability.Unreachable();
        }
    }

    /** One call to inventory's catalog, within the deadline. */
    private SessionDetails fetch(UUID sessionId) {
        return inventory
                .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                .getSession(GetSessionRequest.newBuilder()
                        .setSessionId(sessionId.toString())
                        .build());
    }
}
