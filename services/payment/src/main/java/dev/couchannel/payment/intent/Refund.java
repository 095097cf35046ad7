package dev.couchannel.payment.intent;

import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.ledger.Split;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Captured money given back.
 *
 * @param key identifies the refund within its payment: the same request (amount and reason) has
 *     the same key, so repeating it finds this refund instead of refunding again
 * @param split the host's and the platform's parts of the amount
 */
public record Refund(String key, Split split, String reason, Instant refundedAt) {

    /** The key of a void that refunds a captured payment in full. */
    public static final String VOID_KEY = "void";

    public Refund {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }

    public Money amount() {
        return split.total();
    }

    /** The key of a refund request: a digest of what it asks, so equal requests share it. */
    public static String keyOf(Money amount, String reason) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((amount + "|" + reason).getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
