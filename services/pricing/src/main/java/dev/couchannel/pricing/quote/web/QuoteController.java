package dev.couchannel.pricing.quote.web;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.pricing.quote.Money;
import dev.couchannel.pricing.quote.Price;
import dev.couchannel.pricing.quote.Quote;
import dev.couchannel.pricing.quote.application.QuoteRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/quotes} of the public API (contracts/openapi). */
@RestController
class QuoteController {

    private final QuoteRequests requests;

    QuoteController(QuoteRequests requests) {
        this.requests = requests;
    }

    record QuoteRequest(
            @NotNull(message = "sessionId is required") UUID sessionId,

            @NotNull(message = "seats is required")
            @Min(value = 1, message = "seats must be at least 1")
            @Max(value = Quote.MAX_SEATS, message = "seats must be at most " + Quote.MAX_SEATS)
            Integer seats) {}

    record MoneyView(String amount, String currency) {
        static MoneyView of(Money money) {
            return new MoneyView(
                    money.amount().toPlainString(), money.currency().getCurrencyCode());
        }
    }

    record QuoteView(
            UUID id,
            UUID sessionId,
            int seats,
            MoneyView subtotal,
            MoneyView serviceFee,
            MoneyView vat,
            MoneyView total,
            String vatCountry,
            Instant expiresAt) {
        static QuoteView of(Quote quote) {
            Price price = quote.price();
            return new QuoteView(
                    quote.id(),
                    quote.sessionId(),
                    quote.seats(),
                    MoneyView.of(price.subtotal()),
                    MoneyView.of(price.serviceFee()),
                    MoneyView.of(price.vat()),
                    MoneyView.of(price.total()),
                    price.vatCountry(),
                    quote.expiresAt());
        }
    }

    @PostMapping("/api/quotes")
    ResponseEntity<QuoteView> create(@Valid @RequestBody QuoteRequest body, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        Quote quote =
                switch (requests.quote(body.sessionId(), body.seats(), caller.id())) {
                    case QuoteRequests.Outcome.Quoted quoted -> quoted.quote();
                    case QuoteRequests.Outcome.NoSuchSession missing ->
                        throw ApiProblem.notFound("session", missing.sessionId());
                    case QuoteRequests.Outcome.NotOpen notOpen ->
                        throw ApiProblem.conflict("This session is not open for booking, so it has no price.");
                    case QuoteRequests.Outcome.Unavailable unavailable ->
                        throw new ApiProblem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "Service unavailable",
                                "Pricing is unavailable right now; please try again.",
                                Map.of());
                };
        return ResponseEntity.created(URI.create("/api/quotes/" + quote.id())).body(QuoteView.of(quote));
    }

    /** 404 unless the caller asked for the quote: a quote's existence is not disclosed to others. */
    @GetMapping("/api/quotes/{id}")
    QuoteView get(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return requests.find(id, caller.id()).map(QuoteView::of).orElseThrow(() -> ApiProblem.notFound("quote", id));
    }
}
