package dev.couchannel.notification.push;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Web push: our public key for {@code pushManager.subscribe}, and the caller's subscriptions. */
@RestController
class PushController {

    private final WebPush push;
    private final VapidKeys keys;

    PushController(WebPush push, VapidKeys keys) {
        this.push = push;
        this.keys = keys;
    }

    record PublicKey(String publicKey) {}

    record Keys(@Nullable String p256dh, @Nullable String auth) {}

    /** {@code PushSubscription.toJSON()}; {@code expirationTime} is ignored (the push service tells us with 410). */
    record SubscriptionBody(
            @Nullable String endpoint, @Nullable Keys keys) {}

    record SubscriptionView(UUID id, URI endpoint) {}

    @GetMapping("/api/notifications/push/public-key")
    PublicKey publicKey() {
        return new PublicKey(keys.publicKey());
    }

    @GetMapping("/api/me/push-subscriptions")
    List<SubscriptionView> mine(HttpServletRequest request) {
        return push.subscriptions(Caller.require(request).id()).stream()
                .map(s -> new SubscriptionView(s.id(), s.endpoint()))
                .toList();
    }

    @PostMapping("/api/me/push-subscriptions")
    ResponseEntity<SubscriptionView> subscribe(HttpServletRequest request, @RequestBody SubscriptionBody body) {
        Caller caller = Caller.require(request);
        Keys given = body.keys() == null ? new Keys(null, null) : body.keys();
        try {
            WebPush.Subscription saved = push.subscribe(caller.id(), body.endpoint(), given.p256dh(), given.auth());
            return ResponseEntity.status(HttpStatus.CREATED).body(new SubscriptionView(saved.id(), saved.endpoint()));
        } catch (WebPush.InvalidSubscription invalid) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "Bad request", invalid.getMessage(), Map.of("field", invalid.field()));
        }
    }

    @DeleteMapping("/api/me/push-subscriptions")
    ResponseEntity<Void> unsubscribe(
            HttpServletRequest request, @RequestParam(required = false) @Nullable String endpoint) {
        Caller caller = Caller.require(request);
        if (endpoint == null || endpoint.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    "endpoint must name the subscription to end, as the browser gave it.",
                    Map.of("field", "endpoint"));
        }
        if (!push.unsubscribe(caller.id(), endpoint)) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND, "Not found", "You have no push subscription with this endpoint.", Map.of());
        }
        return ResponseEntity.noContent().build();
    }
}
