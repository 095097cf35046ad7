package dev.couchannel.booking;

import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Inventory's catalog as booking sees it: every session is open with 50 seats unless told otherwise. */
final class FakeSessionCatalog extends SessionCatalogGrpc.SessionCatalogImplBase {

    private final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unknown = new ConcurrentHashMap<>();
    private Server server;

    static FakeSessionCatalog start() {
        FakeSessionCatalog catalog = new FakeSessionCatalog();
        try {
            catalog.server =
                    ServerBuilder.forPort(0).addService(catalog).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }

    String target() {
        return "static://localhost:" + server.getPort();
    }

    void session(String id, String status, int capacity) {
        sessions.put(
                id,
                open(id).setStatus(status)
                        .setSeats(capacity)
                        .setSeatsLeft(capacity)
                        .build());
    }

    void session(String id, String refundPolicy, Instant kickoff) {
        sessions.put(
                id,
                open(id).setRefundPolicy(refundPolicy)
                        .setFixture(FixtureSummary.newBuilder().setKickoff(WireTime.of(kickoff)))
                        .build());
    }

    /** A published session of {@code hostId} that kicks off at {@code kickoff}. */
    void hosted(String id, String hostId, Instant kickoff) {
        sessions.put(
                id,
                open(id).setHostId(hostId)
                        .setFixture(FixtureSummary.newBuilder().setKickoff(WireTime.of(kickoff)))
                        .build());
    }

    /** Published, 50 seats, flexible refunds, kickoff in three days. */
    private static SessionDetails.Builder open(String id) {
        return SessionDetails.newBuilder()
                .setId(id)
                .setStatus("PUBLISHED")
                .setSeats(50)
                .setSeatsLeft(50)
                .setRefundPolicy("FLEXIBLE")
                .setFixture(FixtureSummary.newBuilder()
                        .setKickoff(WireTime.of(Instant.now().plus(Duration.ofDays(3)))));
    }

    void unknown(String id) {
        unknown.put(id, true);
    }

    @Override
    public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
        String id = request.getSessionId();
        if (unknown.containsKey(id)) {
            response.onError(Status.NOT_FOUND.asRuntimeException());
            return;
        }
        SessionDetails details = sessions.get(id);
        response.onNext(details == null ? open(id).build() : details);
        response.onCompleted();
    }
}
