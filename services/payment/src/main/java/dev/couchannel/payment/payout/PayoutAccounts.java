package dev.couchannel.payment.payout;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where hosts want their payouts sent: a provider's connected account id (port). */
public interface PayoutAccounts {

    /** A connected account id as providers name them: {@code acct_} and up to 64 letters, digits or underscores. */
    Pattern ACCOUNT_ID = Pattern.compile("acct_[A-Za-z0-9_]{1,64}");

    Optional<String> of(String hostId);

    /** Sets the host's account; the next payout attempt under a new key goes there. */
    void set(String hostId, String accountId, Instant at);
}
