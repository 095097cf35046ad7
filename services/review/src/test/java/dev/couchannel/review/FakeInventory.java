package dev.couchannel.review;

import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Inventory's {@code SessionCatalog} for tests: answers from a map, NOT_FOUND otherwise. */
public final class FakeInventory extends SessionCatalogGrpc.SessionCatalogImplBase {

    public static final FakeInventory INSTANCE = start();

    public final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();
    private Server server;

    private static FakeInventory start() {
        FakeInventory inventory = new FakeInventory();
        try {
            inventory.server =
                    ServerBuilder.forPort(0).addService(inventory).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inventory;
    }

    public String target() {
        return "static://localhost:" + server.getPort();
    }

    @Override
    public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
        SessionDetails session = sessions.get(request.getSessionId());
        if (session == null) {
            response.onError(Status.NOT_FOUND.asRuntimeException());
            return;
        }
        response.onNext(session);
        response.onCompleted();
    }
}
