package dev.couchannel.gateway.bff;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.hosting.v1.GetHostRequest;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Host;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.identity.v1.GetReputationRequest;
import dev.couchannel.contracts.identity.v1.HostReputation;
import dev.couchannel.contracts.identity.v1.Reputation;
import dev.couchannel.contracts.identity.v1.ReputationsGrpc;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.contracts.pricing.v1.PreviewPriceRequest;
import dev.couchannel.contracts.pricing.v1.PriceQuotesGrpc;
import dev.couchannel.contracts.pricing.v1.Quote;
import dev.couchannel.contracts.review.v1.GetRatingRequest;
import dev.couchannel.contracts.review.v1.Rating;
import dev.couchannel.contracts.review.v1.RatingsGrpc;
import dev.couchannel.gateway.identity.SignedInCaller;
import dev.couchannel.gateway.routing.GatewayProperties;
import dev.couchannel.platform.service.ApiProblem;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BFF view of one session, {@code GET /api/sessions/{id}}, aggregated over gRPC with a deadline on every
 * call: the session, its fixture and live seats left from inventory (without it there is no page: 503), then, in
 * parallel, the venue and the host's public profile from hosting, the current price of a seat from pricing, the
 * venue's rating from review and the host's reputation from identity (ADR 20). A slow or dead hosting, pricing,
 * review or identity degrades the view instead of breaking it: the part is {@code null} and named in {@code
 * degraded} (a host without a profile is {@code null} too, but not degraded). A DRAFT is shown to its host only.
 */
@RestController
class SessionDetailsController {

    private static final Logger log = LoggerFactory.getLogger(SessionDetailsController.class);
    private static final Executor PARTS = Executors.newVirtualThreadPerTaskExecutor();
    private static final ContextSnapshotFactory CONTEXT =
            ContextSnapshotFactory.builder().build();

    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting;
    private final PriceQuotesGrpc.PriceQuotesBlockingStub pricing;
    private final RatingsGrpc.RatingsBlockingStub review;
    private final ReputationsGrpc.ReputationsBlockingStub identity;
    private final long deadlineMillis;

    SessionDetailsController(
            SessionCatalogGrpc.SessionCatalogBlockingStub inventory,
            VenueDirectoryGrpc.VenueDirectoryBlockingStub hosting,
            PriceQuotesGrpc.PriceQuotesBlockingStub pricing,
            RatingsGrpc.RatingsBlockingStub review,
            ReputationsGrpc.ReputationsBlockingStub identity,
            GatewayProperties properties) {
        this.inventory = inventory;
        this.hosting = hosting;
        this.pricing = pricing;
        this.review = review;
        this.identity = identity;
        this.deadlineMillis = properties.grpcDeadline().toMillis();
    }

    record PackageView(String provider, String licence) {}

    /**
     * What a guest may know of a venue before booking. A home's street address is the host's private matter: it
     * is shown for commercial venues only (the booking confirmation carries it).
     */
    record VenueView(
            String id,
            String name,
            String type,
            @Nullable String address,
            String city,
            String country,
            int capacity,
            int screens,
            int largestScreenInches,
            List<PackageView> packages) {
        static VenueView of(Venue venue) {
            return new VenueView(
                    venue.getId(),
                    venue.getName(),
                    venue.getType(),
                    "COMMERCIAL".equals(venue.getType()) ? venue.getAddress() : null,
                    venue.getCity(),
                    venue.getCountry(),
                    venue.getCapacity(),
                    venue.getScreens(),
                    venue.getLargestScreenInches(),
                    venue.getPackagesList().stream()
                            .map(p -> new PackageView(p.getProvider(), p.getLicence()))
                            .toList());
        }
    }

    /** What one seat costs right now, fees and VAT included (a quote locks it when booking). */
    record PriceView(MoneyView perSeat, MoneyView serviceFee, MoneyView vat, String vatCountry) {
        static PriceView of(Quote quote) {
            return new PriceView(
                    money(quote.getTotal()),
                    money(quote.getServiceFee()),
                    money(quote.getVat()),
                    quote.getVatCountry());
        }

        private static MoneyView money(dev.couchannel.contracts.common.v1.Money money) {
            return new MoneyView(money.getAmount(), money.getCurrency());
        }
    }

    record MoneyView(String amount, String currency) {}

    /** The venue's rating over its visible reviews; count 0 before the first one. */
    record RatingView(double average, int count) {
        static RatingView of(Rating rating) {
            return new RatingView(rating.getAverage(), rating.getCount());
        }
    }

    record HostRatingView(double average, int count, double weighted) {}

    record CancellationsView(int sessions, int cancelled, double reliability) {}

    record ResponsesView(
            int reviews, int repliedInTime, @Nullable Double medianReplyHours, double responsiveness) {}

    record HostScoreView(
            double score, HostRatingView rating, CancellationsView cancellations, ResponsesView responses) {}

    /**
     * The host's reputation as identity computes it, public parts only: identity's user id (never the e-mail address)
     * and the host score with its components.
     */
    record ReputationView(@Nullable String userId, HostScoreView host) {
        static ReputationView of(Reputation reputation) {
            HostReputation host = reputation.getHost();
            return new ReputationView(
                    reputation.getUserId().isEmpty() ? null : reputation.getUserId(),
                    new HostScoreView(
                            host.getScore(),
                            new HostRatingView(
                                    host.getRatingAverage(), host.getRatingCount(), host.getRatingWeighted()),
                            new CancellationsView(
                                    host.getSessions(), host.getSessionsCancelled(), host.getReliability()),
                            new ResponsesView(
                                    host.getReviews(),
                                    host.getRepliedInTime(),
                                    host.hasMedianReplyHours() ? host.getMedianReplyHours() : null,
                                    host.getResponsiveness())));
        }
    }

    record FixtureView(
            String id, String competition, String homeTeam, String awayTeam, Instant kickoff, String territory) {
        static @Nullable FixtureView of(SessionDetails details) {
            if (!details.hasFixture()) {
                return null;
            }
            FixtureSummary fixture = details.getFixture();
            return new FixtureView(
                    fixture.getId(),
                    fixture.getCompetition(),
                    fixture.getHomeTeam(),
                    fixture.getAwayTeam(),
                    WireTime.toInstant(fixture.getKickoff()),
                    fixture.getTerritory());
        }
    }

    record SessionView(
            String id,
            @Nullable String fixtureId,
            String venueId,
            @Nullable String hostId,
            String status,
            int seats,
            int seatsLeft,
            MoneyView pricePerSeat,
            String refundPolicy,
            String description,
            @Nullable FixtureView fixture,
            @Nullable VenueView venue,
            @Nullable HostView host,
            @Nullable PriceView price,
            @Nullable RatingView rating,
            @Nullable ReputationView hostReputation,
            List<String> degraded) {}

    /** The host's public profile (hosting): never their e-mail address. */
    record HostView(String id, String displayName, String bio, List<String> languages, Instant memberSince) {

        static HostView of(Host host) {
            return new HostView(
                    host.getId(),
                    host.getDisplayName(),
                    host.getBio(),
                    List.copyOf(host.getLanguagesList()),
                    WireTime.toInstant(host.getMemberSince()));
        }
    }

    /** What hosting said of the host: their profile, or none written yet (that is an answer, not a failure). */
    private record HostPart(@Nullable HostView host) {}

    @GetMapping("/api/sessions/{id}")
    SessionView session(@PathVariable UUID id, @Nullable Authentication authentication) {
        SessionDetails details;
        try {
            details = inventory
                    .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setSessionId(id.toString())
                            .build());
        } catch (StatusRuntimeException e) {
            throw switch (e.getStatus().getCode()) {
                case NOT_FOUND -> ApiProblem.notFound("session", id);
                case INVALID_ARGUMENT -> ApiProblem.badRequest(e.getStatus().getDescription());
                default ->
                    new ApiProblem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Service unavailable",
                            "The inventory service is unavailable; try again shortly.",
                            Map.of());
            };
        }
        if ("DRAFT".equals(details.getStatus()) && !isHostOrAdmin(authentication, details.getHostId())) {
            // a draft is its host's business until published
            throw ApiProblem.notFound("session", id);
        }
        FixtureView fixture = FixtureView.of(details);
        CompletableFuture<Optional<VenueView>> venue =
                optional(() -> VenueView.of(hosting.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .getVenue(GetVenueRequest.newBuilder()
                                .setVenueId(details.getVenueId())
                                .build())));
        CompletableFuture<Optional<HostPart>> host = optional(() -> {
            try {
                return new HostPart(HostView.of(hosting.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .getHost(GetHostRequest.newBuilder()
                                .setHostId(details.getHostId())
                                .build())));
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    return new HostPart(null);
                }
                throw e;
            }
        });
        CompletableFuture<Optional<PriceView>> price = "PUBLISHED".equals(details.getStatus())
                ? optional(() -> PriceView.of(pricing.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .previewPrice(PreviewPriceRequest.newBuilder()
                                .setSessionId(details.getId())
                                .setSeats(1)
                                .build())))
                : CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Optional<RatingView>> rating =
                optional(() -> RatingView.of(review.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .getRating(GetRatingRequest.newBuilder()
                                .setVenueId(details.getVenueId())
                                .build())));
        CompletableFuture<Optional<ReputationView>> reputation =
                optional(() -> ReputationView.of(identity.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                        .getReputation(GetReputationRequest.newBuilder()
                                .setUser(details.getHostId())
                                .build())));
        List<String> degraded = new ArrayList<>();
        if (venue.join().isEmpty()) {
            degraded.add("venue");
        }
        if (host.join().isEmpty()) {
            degraded.add("host");
        }
        if (price.join().isEmpty() && "PUBLISHED".equals(details.getStatus())) {
            degraded.add("price");
        }
        if (rating.join().isEmpty()) {
            degraded.add("rating");
        }
        if (reputation.join().isEmpty()) {
            degraded.add("reputation");
        }
        return new SessionView(
                details.getId(),
                fixture == null ? null : fixture.id(),
                details.getVenueId(),
                // hosts are stored by e-mail address: only the host and admins see it
                isHostOrAdmin(authentication, details.getHostId()) ? details.getHostId() : null,
                details.getStatus(),
                details.getSeats(),
                details.getSeatsLeft(),
                new MoneyView(
                        details.getPricePerSeat().getAmount(),
                        details.getPricePerSeat().getCurrency()),
                details.getRefundPolicy(),
                details.getDescription(),
                fixture,
                venue.join().orElse(null),
                host.join().map(HostPart::host).orElse(null),
                price.join().orElse(null),
                rating.join().orElse(null),
                reputation.join().orElse(null),
                List.copyOf(degraded));
    }

    /** One part of the view, asked for on its own virtual thread; empty when its service fails or is late. */
    private static <T> CompletableFuture<Optional<T>> optional(Supplier<T> call) {
        // the request's trace (and any other thread-bound context) goes along to the part's thread
        ContextSnapshot context = CONTEXT.captureAll();
        return CompletableFuture.supplyAsync(
                () -> {
                    try (ContextSnapshot.Scope scope = context.setThreadLocals()) {
                        return Optional.of(call.get());
                    } catch (StatusRuntimeException e) {
                        log.info("the session view goes without a part: {}", e.getStatus());
                        return Optional.empty();
                    }
                },
                PARTS);
    }

    /** Hosts are stored by e-mail address (ADR 12). */
    private static boolean isHostOrAdmin(@Nullable Authentication authentication, String hostId) {
        return SignedInCaller.of(authentication)
                .filter(caller ->
                        hostId.equals(caller.email()) || caller.roles().contains("admin"))
                .isPresent();
    }

    @Configuration(proxyBeanMethods = false)
    static class InventoryChannel {

        /** Channel "hosting": {@code spring.grpc.client.channel.hosting.target}. */
        @Bean
        VenueDirectoryGrpc.VenueDirectoryBlockingStub venueDirectory(GrpcChannelFactory channels) {
            return VenueDirectoryGrpc.newBlockingStub(channels.createChannel("hosting"));
        }

        /** Channel "pricing": {@code spring.grpc.client.channel.pricing.target}. */
        @Bean
        PriceQuotesGrpc.PriceQuotesBlockingStub priceQuotes(GrpcChannelFactory channels) {
            return PriceQuotesGrpc.newBlockingStub(channels.createChannel("pricing"));
        }

        /** Channel "review": {@code spring.grpc.client.channel.review.target}. */
        @Bean
        RatingsGrpc.RatingsBlockingStub ratings(GrpcChannelFactory channels) {
            return RatingsGrpc.newBlockingStub(channels.createChannel("review"));
        }

        /** Channel "identity": {@code spring.grpc.client.channel.identity.target} (reputation, ADR 20). */
        @Bean
        ReputationsGrpc.ReputationsBlockingStub reputations(GrpcChannelFactory channels) {
            return ReputationsGrpc.newBlockingStub(channels.createChannel("identity"));
        }

        /** Channel "inventory" is configured by {@code spring.grpc.client.channel.inventory.target}. */
        @Bean
        SessionCatalogGrpc.SessionCatalogBlockingStub inventoryCatalog(GrpcChannelFactory channels) {
            return SessionCatalogGrpc.newBlockingStub(channels.createChannel("inventory"));
        }
    }
}
