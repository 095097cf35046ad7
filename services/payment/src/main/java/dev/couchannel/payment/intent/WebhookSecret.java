package dev.couchannel.payment.intent;

import java.util.Objects;

/**
 * The secret a payment provider signs its webhooks with. Only the active provider has one, so
 * webhooks claiming to come from any other provider are refused.
 *
 * @param provider the provider's name in the webhook URL ({@code sandbox}, {@code stripe})
 */
public record WebhookSecret(String provider, String secret) {

    public WebhookSecret {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret of " + provider + " is blank");
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + provider + ", ****]";
    }
}
