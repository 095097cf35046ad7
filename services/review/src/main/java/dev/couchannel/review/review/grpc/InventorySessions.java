package dev.couchannel.review.review.grpc;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.review.review.application.SessionLookup;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** A session's facts from inventory's {@code SessionCatalog}, with a deadline; empty on any failure. */
@Component
class InventorySessions implements SessionLookup {

    private static final Logger log = LoggerFactory.getLogger(InventorySessions.class);

    private final SessionCatalogGrpc.SessionCatalogBlockingStub inventory;
    private final Duration deadline;

    InventorySessions(
            SessionCatalogGrpc.SessionCatalogBlockingStub inventory,
            @Value("${couchannel.review.inventory-deadline:2s}") Duration deadline) {
        this.inventory = inventory;
        this.deadline = deadline;
    }

    @Override
    public Optional<SessionFacts> find(UUID sessionId) {
        try {
            SessionDetails session = inventory
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setSessionId(sessionId.toString())
                            .build());
            if (!session.hasFixture()) {
                return Optional.empty();
            }
            return Optional.of(new SessionFacts(
                    sessionId,
                    UUID.fromString(session.getVenueId()),
                    session.getHostId().toLowerCase(Locale.ROOT),
                    WireTime.toInstant(session.getFixture().getKickoff()),
                    "CANCELLED".equals(session.getStatus())));
        } catch (StatusRuntimeException | IllegalArgumentException e) {
            log.warn("facts of session {} not available from inventory: {}", sessionId, e.getMessage());
            return Optional.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InventoryChannel {

        /** Channel "inventory": {@code spring.grpc.client.channel.inventory.target}. */
        @Bean
        SessionCatalogGrpc.SessionCatalogBlockingStub inventoryCatalog(GrpcChannelFactory channels) {
            return SessionCatalogGrpc.newBlockingStub(channels.createChannel("inventory"));
        }
    }
}
