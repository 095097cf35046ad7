package dev.couchannel.payment.intent.webhook;

import dev.couchannel.payment.intent.ProviderEvent;
import dev.couchannel.payment.intent.WebhookSecret;
import dev.couchannel.payment.intent.application.ProviderWebhooks;
import dev.couchannel.platform.service.ApiProblem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/webhooks/{provider}}: a payment provider tells us what happened to a
 * payment. Only the active provider's webhooks are accepted, and only with a valid signature: an
 * unknown provider is a 404, a missing, wrong or expired signature a 400, and nothing changes.
 * A verified event is handled once per event id; a repeated delivery is acknowledged again.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    record WebhookReceipt(String eventId, String type, String outcome) {}

    private final Map<String, WebhookSecret> secrets;
    private final SignedEvents events;
    private final ProviderWebhooks webhooks;

    WebhookController(
            List<WebhookSecret> secrets,
            ProviderWebhooks webhooks,
            Clock clock,
            @Value("${couchannel.payment.webhook-tolerance:5m}") Duration tolerance) {
        this.secrets = secrets.stream().collect(Collectors.toMap(WebhookSecret::provider, Function.identity()));
        this.webhooks = webhooks;
        this.events = new SignedEvents(clock, tolerance);
    }

    @PostMapping("/api/payments/webhooks/{provider}")
    WebhookReceipt receive(
            @PathVariable String provider,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        WebhookSecret secret = secrets.get(provider);
        if (secret == null) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.NOT_FOUND,
                    "Not found",
                    "No webhooks are accepted from '" + provider + "'; this service takes them from "
                            + String.join(", ", secrets.keySet()) + ".",
                    Map.of());
        }
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("The webhook has no body; send the signed event JSON.");
        }
        ProviderEvent event;
        try {
            event = events.verify(utf8(body), signature, secret);
        } catch (SignedEvents.Rejected rejected) {
            log.warn("{} webhook rejected: {}", provider, rejected.getMessage());
            throw ApiProblem.badRequest(rejected.getMessage());
        }
        return new WebhookReceipt(event.id(), event.type(), webhooks.handle(provider, event));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("The webhook body is not UTF-8 text.");
        }
    }
}
