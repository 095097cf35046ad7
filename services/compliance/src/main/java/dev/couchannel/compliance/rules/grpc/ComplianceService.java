package dev.couchannel.compliance.rules.grpc;

import dev.couchannel.compliance.rules.Verdict;
import dev.couchannel.compliance.rules.application.ComplianceChecks;
import dev.couchannel.contracts.compliance.v1.CheckSessionRequest;
import dev.couchannel.contracts.compliance.v1.ComplianceGrpc;
import dev.couchannel.contracts.compliance.v1.Finding;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The gRPC API of compliance ({@code contracts/proto/couchannel/compliance/v1/compliance.proto}). */
@Service
class ComplianceService extends ComplianceGrpc.ComplianceImplBase {

    private final ComplianceChecks checks;

    ComplianceService(ComplianceChecks checks) {
        this.checks = checks;
    }

    @Override
    public void checkSession(
            CheckSessionRequest request, StreamObserver<dev.couchannel.contracts.compliance.v1.Verdict> response) {
        try {
            UUID.fromString(request.getSessionId());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("session_id must be a UUID")
                    .asRuntimeException());
            return;
        }
        Optional<Verdict> verdict = checks.checkSession(request.getSessionId());
        if (verdict.isEmpty()) {
            response.onError(Status.NOT_FOUND
                    .withDescription("No session with id " + request.getSessionId() + ".")
                    .asRuntimeException());
            return;
        }
        response.onNext(wire(verdict.get()));
        response.onCompleted();
    }

    private static dev.couchannel.contracts.compliance.v1.Verdict wire(Verdict verdict) {
        return dev.couchannel.contracts.compliance.v1.Verdict.newBuilder()
                .setAllowed(verdict.allowed())
                .addAllFindings(verdict.findings().stream()
                        .map(finding -> Finding.newBuilder()
                                .setRuleId(finding.ruleId())
                                .setReason(finding.reason())
                                .build())
                        .toList())
                .addAllRulesEvaluated(verdict.rulesEvaluated())
                .build();
    }
}
