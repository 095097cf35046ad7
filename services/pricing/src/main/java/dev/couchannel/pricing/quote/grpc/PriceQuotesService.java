package dev.couchannel.pricing.quote.grpc;

import dev.couchannel.contracts.WireMoney;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.pricing.v1.CreateQuoteRequest;
import dev.couchannel.contracts.pricing.v1.PreviewPriceRequest;
import dev.couchannel.contracts.pricing.v1.PriceQuotesGrpc;
import dev.couchannel.contracts.pricing.v1.Quote;
import dev.couchannel.pricing.quote.Price;
import dev.couchannel.pricing.quote.application.QuoteRequests;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The gRPC API of pricing ({@code contracts/proto/couchannel/pricing/v1/pricing.proto}). */
@Service
class PriceQuotesService extends PriceQuotesGrpc.PriceQuotesImplBase {

    private final QuoteRequests requests;

    PriceQuotesService(QuoteRequests requests) {
        this.requests = requests;
    }

    @Override
    public void createQuote(CreateQuoteRequest request, StreamObserver<Quote> response) {
        if (request.getGuestId().isBlank()) {
            response.onError(invalid("guest_id is required"));
            return;
        }
        sessionAndSeats(request.getSessionId(), request.getSeats(), response)
                .ifPresent(sessionId -> answer(
                        requests.quote(sessionId, request.getSeats(), request.getGuestId()), sessionId, response));
    }

    @Override
    public void previewPrice(PreviewPriceRequest request, StreamObserver<Quote> response) {
        sessionAndSeats(request.getSessionId(), request.getSeats(), response)
                .ifPresent(sessionId -> answer(requests.preview(sessionId, request.getSeats()), sessionId, response));
    }

    /** The session id, or empty after answering INVALID_ARGUMENT. */
    private static Optional<UUID> sessionAndSeats(String session, int seats, StreamObserver<Quote> response) {
        UUID sessionId;
        try {
            sessionId = UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            response.onError(invalid("session_id must be a UUID"));
            return Optional.empty();
        }
        if (!dev.couchannel.pricing.quote.Quote.allowedSeats(seats)) {
            response.onError(invalid("seats must be 1 to " + dev.couchannel.pricing.quote.Quote.MAX_SEATS));
            return Optional.empty();
        }
        return Optional.of(sessionId);
    }

    private static void answer(QuoteRequests.Outcome outcome, UUID sessionId, StreamObserver<Quote> response) {
        switch (outcome) {
            case QuoteRequests.Outcome.Quoted quoted -> {
                response.onNext(wire(quoted.quote(), quoted.quote().guestId().isEmpty()));
                response.onCompleted();
            }
            case QuoteRequests.Outcome.NoSuchSession missing ->
                response.onError(Status.NOT_FOUND
                        .withDescription("No session with id " + sessionId + ".")
                        .asRuntimeException());
            case QuoteRequests.Outcome.NotOpen notOpen ->
                response.onError(Status.FAILED_PRECONDITION
                        .withDescription("This session is not open for booking.")
                        .asRuntimeException());
            case QuoteRequests.Outcome.Unavailable unavailable ->
                response.onError(Status.UNAVAILABLE
                        .withDescription("Pricing is unavailable right now; please try again.")
                        .asRuntimeException());
        }
    }

    private static RuntimeException invalid(String why) {
        return Status.INVALID_ARGUMENT.withDescription(why).asRuntimeException();
    }

    /** @param preview a price shown, not a quote kept: it has no id to refer to */
    private static Quote wire(dev.couchannel.pricing.quote.Quote quote, boolean preview) {
        Price price = quote.price();
        return Quote.newBuilder()
                .setId(preview ? "" : quote.id().toString())
                .setSessionId(quote.sessionId().toString())
                .setSeats(quote.seats())
                .setSubtotal(money(price.subtotal()))
                .setServiceFee(money(price.serviceFee()))
                .setVat(money(price.vat()))
                .setTotal(money(price.total()))
                .setExpiresAt(WireTime.of(quote.expiresAt()))
                .setVatCountry(price.vatCountry())
                .build();
    }

    private static Money money(dev.couchannel.pricing.quote.Money money) {
        return WireMoney.of(money.amount(), money.currency());
    }
}
