package dev.couchannel.platform.service.grpc;

import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ServiceTokens;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Zero trust on gRPC (ADR 12): every call a service makes carries its own client-credentials token, and every
 * call a service answers must carry a valid token with scope {@code internal}. Nothing inside the network is
 * trusted for being inside.
 */
public final class GrpcAccessTokens {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final String INTERNAL = "internal";

    private static final Logger log = LoggerFactory.getLogger(GrpcAccessTokens.class);

    private GrpcAccessTokens() {}

    /** Refuses, with UNAUTHENTICATED or PERMISSION_DENIED, a call without a valid internal token. */
    public static ServerInterceptor checking(JwtDecoder decoder) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String authorization = headers.get(AUTHORIZATION);
                if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    call.close(Status.UNAUTHENTICATED.withDescription("a service token is required"), new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                Caller caller;
                try {
                    caller = Caller.of(decoder.decode(authorization.substring(7).strip()));
                } catch (JwtException e) {
                    log.debug("refused a gRPC call's token: {}", e.getMessage());
                    call.close(
                            Status.UNAUTHENTICATED.withDescription("the service token is not valid"), new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                if (!caller.scopes().contains(INTERNAL)) {
                    call.close(
                            Status.PERMISSION_DENIED.withDescription("only services (scope internal) may call this"),
                            new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                return next.startCall(call, headers);
            }
        };
    }

    /**
     * Adds this service's token to every call it makes. When identity cannot be asked, the call fails with
     * UNAVAILABLE before it is sent, as if the network were down, and the caller's fallback applies.
     */
    public static ClientInterceptor attaching(ServiceTokens tokens) {
        CallCredentials credentials = new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                executor.execute(() -> {
                    try {
                        Metadata headers = new Metadata();
                        headers.put(AUTHORIZATION, "Bearer " + tokens.token());
                        applier.apply(headers);
                    } catch (IllegalStateException e) {
                        applier.fail(Status.UNAVAILABLE
                                .withDescription("no service token: " + e.getMessage())
                                .withCause(e));
                    }
                });
            }
        };
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(
                    MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return next.newCall(method, options.withCallCredentials(credentials));
            }
        };
    }
}
