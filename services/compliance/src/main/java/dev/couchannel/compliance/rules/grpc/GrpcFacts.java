package dev.couchannel.compliance.rules.grpc;

import dev.couchannel.compliance.rules.Facts;
import dev.couchannel.compliance.rules.FactsSource;
import dev.couchannel.compliance.rules.Licence;
import dev.couchannel.compliance.rules.StreamingPackage;
import dev.couchannel.compliance.rules.VenueType;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.platform.service.grpc.GrpcRetry;
import dev.couchannel.platform.service.grpc.RecentAnswers;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
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
 * The facts of a showing from inventory (session, fixture) and hosting (venue) over gRPC: every
 * call has a deadline, and a transient failure (unavailable, deadline exceeded) is retried with a
 * doubling backoff before the lookup gives up as {@link FactsSource.Lookup.Unavailable}. A venue is
 * kept for {@code couchannel.compliance.facts.venue-fresh-for} (5 s): a crowd booking one session
 * asks hosting once, not once per booking. The session, with its seats sold and held, is asked
 * every time, because a booking's attendee count must be the current one.
 */
@Component
class GrpcFacts implements FactsSource {

    private static final Logger log = LoggerFactory.getLogger(GrpcFacts.class);
    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting;
    private final Duration deadline;
    private final GrpcRetry retry;
    private final RecentAnswers<String, Venue> venues;

    GrpcFacts(
            SessionCatalogGrpc.SessionCatalogBlockingStub inventory,
            VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting,
            @Value("${couchannel.compliance.facts.deadline:2s}") Duration deadline,
            @Value("${couchannel.compliance.facts.attempts:3}") int attempts,
            @Value("${couchannel.compliance.facts.backoff:200ms}") Duration backoff,
            @Value("${couchannel.compliance.facts.venue-fresh-for:5s}") Duration venueFreshFor) {
        this.inventory = inventory;
        this.hosting = hosting;
        this.deadline = deadline;
        this.retry = new GrpcRetry(attempts, backoff);
        this.venues = new RecentAnswers<>(venueFreshFor, 10_000, venue -> true);
    }

    @Override
    public Lookup session(String sessionId) {
        SessionDetails session;
        Venue venue;
        try {
            session = retry.call("inventory", () -> inventory
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setSessionId(sessionId)
                            .build()));
            if (!session.hasFixture()) {
                return new Lookup.NotFound("The match of this session is no longer in the calendar.");
            }
            venue = venues.get(
                    session.getVenueId(),
                    venueId -> retry.call(
                            "hosting", () -> hosting.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                                    .getVenue(GetVenueRequest.newBuilder()
                                            .setVenueId(venueId)
                                            .build())));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                return new Lookup.NotFound("This session or its venue does not exist.");
            }
            log.warn("facts of session {} unavailable: {}", sessionId, e.getStatus());
            return new Lookup.Unavailable(e.getStatus().toString());
        }
        try {
            return new Lookup.Found(facts(session, venue));
        } catch (IllegalArgumentException e) {
            log.warn("facts of session {} do not parse: {}", sessionId, e.getMessage());
            return new Lookup.Unavailable(e.getMessage());
        }
    }

    static Facts facts(SessionDetails session, Venue venue) {
        return new Facts(
                session.getId(),
                session.getFixture().getCompetition(),
                WireTime.toInstant(session.getFixture().getKickoff()),
                session.getPricePerSeat().getAmount().isEmpty()
                        ? BigDecimal.ZERO
                        : new BigDecimal(session.getPricePerSeat().getAmount()),
                session.getSeats(),
                session.getSeatsLeft(),
                VenueType.valueOf(venue.getType()),
                venue.getCountry(),
                venue.getCapacity(),
                venue.getScreens(),
                venue.getLargestScreenInches(),
                venue.getSpeakers(),
                venue.getPackagesList().stream()
                        .map(p ->
                                new StreamingPackage(p.getProvider(), Licence.valueOf(p.getLicence()), p.getCountry()))
                        .toList(),
                0);
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
