package dev.couchannel.gateway;

import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Inventory's gRPC catalog as the gateway sees it: answers from a map, or never (to test deadlines). */
final class FakeCatalog extends SessionCatalogGrpc.SessionCatalogImplBase {

    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();
    volatile boolean silent;
    volatile String lastTraceparent;
    private Server server;

    static FakeCatalog start() {
        FakeCatalog catalog = new FakeCatalog();
        ServerInterceptor captureTrace = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                catalog.lastTraceparent = headers.get(TRACEPARENT);
                return next.startCall(call, headers);
            }
        };
        try {
            catalog.server = ServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(catalog, captureTrace))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }

    String target() {
        return "static://localhost:" + server.getPort();
    }

    void reset() {
        sessions.clear();
        silent = false;
        lastTraceparent = null;
    }

    @Override
    public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
        if (silent) {
            return; // never answers: the caller's deadline has to end the call
        }
        SessionDetails details = sessions.get(request.getSessionId());
        if (details == null) {
            response.onError(Status.NOT_FOUND.asRuntimeException());
            return;
        }
        response.onNext(details);
        response.onCompleted();
    }
}
