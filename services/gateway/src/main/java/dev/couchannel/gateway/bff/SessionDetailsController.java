package dev.couchannel.gateway.bff;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.gateway.identity.SignedInCaller;
import dev.couchannel.gateway.routing.GatewayProperties;
import dev.couchannel.platform.service.ApiProblem;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BFF view of one session, {@code GET /api/sessions/{id}}: the session and its fixture from
 * inventory over gRPC, with a deadline on the call. A DRAFT is shown to its host only. Host profile, rating and live price join this
 * view as their services land; a slow or dead one will degrade the view, not break it.
 */
@RestController
class SessionDetailsController {

    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final long deadlineMillis;

    SessionDetailsController(SessionCatalogGrpc.SessionCatalogBlockingStub inventory, GatewayProperties properties) {
        this.inventory = inventory;
        this.deadlineMillis = properties.grpcDeadline().toMillis();
    }

    record MoneyView(String amount, String currency) {}

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
            String hostId,
            String status,
            int seats,
            int seatsLeft,
            MoneyView pricePerSeat,
            String refundPolicy,
            String description,
            @Nullable FixtureView fixture) {}

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
        if ("DRAFT".equals(details.getStatus()) && !isCaller(authentication, details.getHostId())) {
            // a draft is its host's business until published
            throw ApiProblem.notFound("session", id);
        }
        FixtureView fixture = FixtureView.of(details);
        return new SessionView(
                details.getId(),
                fixture == null ? null : fixture.id(),
                details.getVenueId(),
                details.getHostId(),
                details.getStatus(),
                details.getSeats(),
                details.getSeatsLeft(),
                new MoneyView(
                        details.getPricePerSeat().getAmount(),
                        details.getPricePerSeat().getCurrency()),
                details.getRefundPolicy(),
                details.getDescription(),
                fixture);
    }

    /** Hosts are stored by e-mail address (ADR 12). */
    private static boolean isCaller(@Nullable Authentication authentication, String userId) {
        return SignedInCaller.of(authentication)
                .map(SignedInCaller::email)
                .filter(userId::equals)
                .isPresent();
    }

    @Configuration(proxyBeanMethods = false)
    static class InventoryChannel {

        /** Channel "inventory" is configured by {@code spring.grpc.client.channel.inventory.target}. */
        @Bean
        SessionCatalogGrpc.SessionCatalogBlockingStub inventoryCatalog(GrpcChannelFactory channels) {
            return SessionCatalogGrpc.newBlockingStub(channels.createChannel("inventory"));
        }
    }
}
