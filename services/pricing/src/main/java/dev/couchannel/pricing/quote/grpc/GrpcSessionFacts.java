package dev.couchannel.pricing.quote.grpc;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.platform.service.grpc.RecentAnswers;
import dev.couchannel.pricing.quote.Money;
import dev.couchannel.pricing.quote.PricedSession;
import dev.couchannel.pricing.quote.SessionFacts;
import dev.couchannel.pricing.quote.application.PricingProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The session from inventory and its venue's country from hosting, over gRPC with a deadline
 * ({@code couchannel.pricing.grpc-deadline}) on every call. A missing session is a {@code
 * NotFound}; anything else that goes wrong (down, slow, a missing venue) is {@code Unavailable}.
 * Found facts are kept for {@code couchannel.pricing.facts-fresh-for} (1 s): a crowd booking one
 * session asks inventory and hosting once a second, not twice per booking, and the demand part of
 * a price follows the session's occupancy at most that late.
 */
@Component
class GrpcSessionFacts implements SessionFacts {

    private static final Logger log = LoggerFactory.getLogger(GrpcSessionFacts.class);

    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting;
    private final long deadlineMillis;
    private final RecentAnswers<UUID, Lookup> found;

    GrpcSessionFacts(
            SessionCatalogGrpc.SessionCatalogBlockingStub inventory,
            VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting,
            PricingProperties properties) {
        this.inventory = inventory;
        this.hosting = hosting;
        this.deadlineMillis = properties.grpcDeadline().toMillis();
        this.found = new RecentAnswers<>(properties.factsFreshFor(), 10_000, Lookup.Found.class::isInstance);
    }

    @Override
    public Lookup lookup(UUID sessionId) {
        return found.get(sessionId, this::ask);
    }

    private Lookup ask(UUID sessionId) {
        SessionDetails session;
        try {
            session = inventory
                    .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setSessionId(sessionId.toString())
                            .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return new Lookup.NotFound(sessionId);
            }
            log.warn("inventory did not describe session {}: {}", sessionId, e.getStatus());
            return new Lookup.Unavailable("inventory: " + e.getStatus().getCode());
        }
        Venue venue;
        try {
            venue = hosting.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getVenue(GetVenueRequest.newBuilder()
                            .setVenueId(session.getVenueId())
                            .build());
        } catch (StatusRuntimeException e) {
            log.warn(
                    "hosting did not describe venue {} of session {}: {}",
                    session.getVenueId(),
                    sessionId,
                    e.getStatus());
            return new Lookup.Unavailable("hosting: " + e.getStatus().getCode());
        }
        if (!session.hasFixture() || venue.getCountry().isBlank()) {
            log.warn("session {} lacks a kickoff or its venue a country", sessionId);
            return new Lookup.Unavailable("incomplete facts");
        }
        return new Lookup.Found(new PricedSession(
                sessionId,
                session.getSeats(),
                session.getSeatsLeft(),
                Money.of(
                        session.getPricePerSeat().getAmount(),
                        session.getPricePerSeat().getCurrency()),
                WireTime.toInstant(session.getFixture().getKickoff()),
                "PUBLISHED".equals(session.getStatus()),
                venue.getCountry()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Channels {

        /** Channel "inventory" is configured by {@code spring.grpc.client.channel.inventory.target}. */
        @Bean
        SessionCatalogGrpc.SessionCatalogBlockingStub inventoryCatalog(GrpcChannelFactory channels) {
            return SessionCatalogGrpc.newBlockingStub(channels.createChannel("inventory"));
        }

        /** Channel "hosting" is configured by {@code spring.grpc.client.channel.hosting.target}. */
        @Bean
        VenueDirectoryGrpc.VenueDirectoryBlockingStub venueDirectory(GrpcChannelFactory channels) {
            return VenueDirectoryGrpc.newBlockingStub(channels.createChannel("hosting"));
        }
    }
}
