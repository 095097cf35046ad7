package dev.couchannel.inventory.lifecycle;

import dev.couchannel.contracts.compliance.v1.CheckSessionRequest;
import dev.couchannel.contracts.compliance.v1.ComplianceGrpc;
import dev.couchannel.contracts.compliance.v1.Finding;
import dev.couchannel.contracts.compliance.v1.Verdict;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.platform.testing.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Compliance as inventory sees it. Like the real one it reads the session back from inventory's
 * {@code SessionCatalog} (so a draft must be served there), then answers the verdict set for the
 * session: allowed unless refused here, UNAVAILABLE when down.
 */
final class FakeCompliance extends ComplianceGrpc.ComplianceImplBase {

    final Map<String, Finding> refusals = new ConcurrentHashMap<>();
    final Set<String> statusesSeen = ConcurrentHashMap.newKeySet();
    volatile boolean down;
    volatile int inventoryGrpcPort;

    @Override
    public void checkSession(CheckSessionRequest request, StreamObserver<Verdict> response) {
        if (down) {
            response.onError(
                    Status.UNAVAILABLE.withDescription("compliance is down").asRuntimeException());
            return;
        }
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", inventoryGrpcPort)
                .usePlaintext()
                .build();
        try {
            statusesSeen.add(SessionCatalogGrpc.newBlockingStub(channel)
                    .withCallCredentials(TestTokens.serviceCredentials())
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setSessionId(request.getSessionId())
                            .build())
                    .getStatus());
        } catch (StatusRuntimeException e) {
            response.onError(
                    Status.NOT_FOUND.withDescription("session not readable").asRuntimeException());
            return;
        } finally {
            channel.shutdownNow();
        }
        Finding refusal = refusals.get(request.getSessionId());
        Verdict.Builder verdict =
                Verdict.newBuilder().setAllowed(refusal == null).addRulesEvaluated("live-only@1");
        if (refusal != null) {
            verdict.addFindings(refusal);
        }
        response.onNext(verdict.build());
        response.onCompleted();
    }
}
