package dev.couchannel.notification.facts;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.platform.service.grpc.GrpcRetry;
import dev.couchannel.platform.service.grpc.RecentAnswers;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Session and venue facts over gRPC: every call has a deadline, and a transient failure is retried
 * with a doubling backoff before the lookup gives up with {@link FactsUnavailable}. Facts are kept
 * for {@code couchannel.notification.facts.fresh-for} (5 s): the mails of a crowd booking one
 * session ask inventory and hosting once, not twice per mail.
 */
@Component
class GrpcFacts implements FactsSource {

    private static final Logger log = LoggerFactory.getLogger(GrpcFacts.class);
    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting;
    private final Duration deadline;
    private final GrpcRetry retry;
    private final RecentAnswers<String, SessionFacts> recent;

    GrpcFacts(
            SessionCatalogGrpc.SessionCatalogBlockingStub inventory,
            VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting,
            @Value("${couchannel.notification.facts.deadline:2s}") Duration deadline,
            @Value("${couchannel.notification.facts.attempts:3}") int attempts,
            @Value("${couchannel.notification.facts.backoff:200ms}") Duration backoff,
            @Value("${couchannel.notification.facts.fresh-for:5s}") Duration freshFor) {
        this.inventory = inventory;
        this.hosting = hosting;
        this.deadline = deadline;
        this.retry = new GrpcRetry(attempts, backoff);
        this.recent = new RecentAnswers<>(freshFor, 10_000, facts -> true);
    }

    @Override
    public SessionFacts session(String sessionId) {
        return recent.get(sessionId, this::ask);
    }

    private SessionFacts ask(String sessionId) {
        try {
            SessionDetails session = retry.call("inventory", () -> inventory
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setSessionId(sessionId)
                            .build()));
            Venue venue =
                    retry.call("hosting", () -> hosting.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                            .getVenue(GetVenueRequest.newBuilder()
                                    .setVenueId(session.getVenueId())
                                    .build()));
            return new SessionFacts(
                    session.getId(),
                    session.getFixture().getCompetition(),
                    session.getFixture().getHomeTeam(),
                    session.getFixture().getAwayTeam(),
                    WireTime.toInstant(session.getFixture().getKickoff()),
                    venue.getName(),
                    venue.getAddress(),
                    venue.getCity());
        } catch (StatusRuntimeException e) {
            log.warn("facts of session {} unavailable: {}", sessionId, e.getStatus());
            throw new FactsUnavailable("facts of session " + sessionId + ": " + e.getStatus());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FactChannels {

        /** Channel "inventory": {@code spring.grpc.client.channel.inventory.target}. */
        @Bean
        SessionCatalogGrpc.SessionCatalogBlockingStub inventoryCatalog(GrpcChannelFactory channels) {
            return SessionCatalogGrpc.newBlockingStub(channels.createChannel("inventory"));
        }

        /** Channel "hosting": {@code spring.grpc.client.channel.hosting.target}. */
        @Bean
        VenueDirectoryGrpc.VenueDirectoryBlockingStub venueDirectory(GrpcChannelFactory channels) {
            return VenueDirectoryGrpc.newBlockingStub(channels.createChannel("hosting"));
        }
    }
}
