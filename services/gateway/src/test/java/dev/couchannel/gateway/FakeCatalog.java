package dev.couchannel.gateway;

import dev.couchannel.contracts.hosting.v1.GetHostRequest;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Host;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.identity.v1.GetReputationRequest;
import dev.couchannel.contracts.identity.v1.HostReputation;
import dev.couchannel.contracts.identity.v1.Reputation;
import dev.couchannel.contracts.identity.v1.ReputationsGrpc;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.contracts.pricing.v1.PreviewPriceRequest;
import dev.couchannel.contracts.pricing.v1.PriceQuotesGrpc;
import dev.couchannel.contracts.pricing.v1.Quote;
import dev.couchannel.contracts.review.v1.GetRatingRequest;
import dev.couchannel.contracts.review.v1.Rating;
import dev.couchannel.contracts.review.v1.RatingsGrpc;
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

/**
 * The gRPC services behind the BFF session view, on one server: inventory's catalog, hosting's venues and
 * pricing's previews, review's ratings. Each answers from a map, or never (to test deadlines and degraded views).
 */
final class FakeCatalog extends SessionCatalogGrpc.SessionCatalogImplBase {

    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();
    final Map<String, Venue> venues = new ConcurrentHashMap<>();
    /** Host profiles by the host id sessions carry. */
    final Map<String, Host> hosts = new ConcurrentHashMap<>();

    final Map<String, Quote> prices = new ConcurrentHashMap<>();
    volatile boolean silent;
    volatile boolean venuesSilent;
    volatile boolean pricesDown;
    final Map<String, Rating> ratings = new ConcurrentHashMap<>();
    volatile boolean ratingsSilent;
    volatile boolean ratingsDown;
    final Map<String, Reputation> reputations = new ConcurrentHashMap<>();
    volatile boolean reputationsSilent;
    volatile boolean reputationsDown;
    volatile String lastReputationUser;
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
                    .addService(catalog.new Venues())
                    .addService(catalog.new Prices())
                    .addService(catalog.new Ratings())
                    .addService(catalog.new Reputations())
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
        venues.clear();
        hosts.clear();
        prices.clear();
        silent = false;
        venuesSilent = false;
        pricesDown = false;
        ratings.clear();
        ratingsSilent = false;
        ratingsDown = false;
        reputations.clear();
        reputationsSilent = false;
        reputationsDown = false;
        lastReputationUser = null;
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

    final class Venues extends VenueDirectoryGrpc.VenueDirectoryImplBase {
        @Override
        public void getVenue(GetVenueRequest request, StreamObserver<Venue> response) {
            if (venuesSilent) {
                return;
            }
            Venue venue = venues.get(request.getVenueId());
            if (venue == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(venue);
            response.onCompleted();
        }

        @Override
        public void getHost(GetHostRequest request, StreamObserver<Host> response) {
            if (venuesSilent) {
                return;
            }
            Host host = hosts.get(request.getHostId());
            if (host == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(host);
            response.onCompleted();
        }
    }

    final class Prices extends PriceQuotesGrpc.PriceQuotesImplBase {
        @Override
        public void previewPrice(PreviewPriceRequest request, StreamObserver<Quote> response) {
            Quote price = prices.get(request.getSessionId());
            if (pricesDown || price == null) {
                response.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            response.onNext(price);
            response.onCompleted();
        }
    }

    final class Ratings extends RatingsGrpc.RatingsImplBase {
        @Override
        public void getRating(GetRatingRequest request, StreamObserver<Rating> response) {
            if (ratingsSilent) {
                return; // a slow review service: the caller's deadline has to end the call
            }
            if (ratingsDown) {
                response.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            response.onNext(ratings.getOrDefault(
                    request.getVenueId(),
                    Rating.newBuilder().setVenueId(request.getVenueId()).build()));
            response.onCompleted();
        }
    }

    final class Reputations extends ReputationsGrpc.ReputationsImplBase {
        @Override
        public void getReputation(GetReputationRequest request, StreamObserver<Reputation> response) {
            lastReputationUser = request.getUser();
            if (reputationsSilent) {
                return; // a slow identity: the caller's deadline has to end the call
            }
            if (reputationsDown) {
                response.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            // someone identity knows nothing about: the newcomer's priors
            response.onNext(reputations.getOrDefault(
                    request.getUser(),
                    Reputation.newBuilder()
                            .setHost(HostReputation.newBuilder()
                                    .setScore(76.3)
                                    .setRatingWeighted(4.0)
                                    .setReliability(0.95)
                                    .setResponsiveness(0.5))
                            .build()));
            response.onCompleted();
        }
    }
}
