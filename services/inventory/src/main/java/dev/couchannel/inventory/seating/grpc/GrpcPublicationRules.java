package dev.couchannel.inventory.seating.grpc;

import dev.couchannel.contracts.compliance.v1.CheckSessionRequest;
import dev.couchannel.contracts.compliance.v1.ComplianceGrpc;
import dev.couchannel.inventory.seating.PublicationRules;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * Compliance's {@code CheckSession} over gRPC, channel {@code spring.grpc.client.channel.compliance},
 * with a deadline. Compliance reads the session back from this service's {@code SessionCatalog}.
 */
@Component
class GrpcPublicationRules implements PublicationRules {

    private static final Logger log = LoggerFactory.getLogger(GrpcPublicationRules.class);

    private final ComplianceGrpc.ComplianceBlockingStub compliance;
    private final long deadlineMillis;

    GrpcPublicationRules(
            GrpcChannelFactory channels, @Value("${couchannel.inventory.compliance-deadline:5s}") Duration deadline) {
        this.compliance = ComplianceGrpc.newBlockingStub(channels.createChannel("compliance"));
        this.deadlineMillis = deadline.toMillis();
    }

    @Override
    public PublicationRules.Verdict check(UUID sessionId) {
        dev.couchannel.contracts.compliance.v1.Verdict verdict;
        try {
            verdict = compliance
                    .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .checkSession(CheckSessionRequest.newBuilder()
                            .setSessionId(sessionId.toString())
                            .build());
        } catch (StatusRuntimeException e) {
            // NOT_FOUND included: compliance could not read the session or its venue back right now
            log.warn("compliance did not decide on session {}: {}", sessionId, e.getStatus());
            return new PublicationRules.Verdict.Unavailable(e.getStatus().toString());
        }
        if (verdict.getAllowed()) {
            return new PublicationRules.Verdict.Allowed();
        }
        return new PublicationRules.Verdict.Refused(verdict.getFindingsList().stream()
                .map(finding -> new PublicationRules.Finding(finding.getRuleId(), finding.getReason()))
                .toList());
    }
}
