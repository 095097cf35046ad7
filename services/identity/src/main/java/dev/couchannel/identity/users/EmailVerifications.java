package dev.couchannel.identity.users;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Pending e-mail verification links, stored by the hash of their token. */
public interface EmailVerifications {

    void add(String tokenHash, UUID userId, Instant expiresAt);

    /** Uses the link once: the user it verifies, or empty when unknown, used or expired. */
    Optional<UUID> consume(String tokenHash, Instant now);
}
