package dev.couchannel.identity.reputation.application;

import dev.couchannel.identity.reputation.Reputation;
import dev.couchannel.identity.reputation.ReputationFacts;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A user's reputation, computed when asked from the kept facts and the injected clock (a review's
 * reply window and a session's end depend on "now"; nothing is cached that time would make stale).
 */
@Service
public class ReputationQueries {

    /** A reputation and the account it belongs to, if any has that address. */
    public record Answer(Optional<UUID> userId, Reputation reputation) {}

    private final ReputationFacts facts;
    private final Users users;
    private final Clock clock;
    private final Duration sessionLength;

    ReputationQueries(
            ReputationFacts facts,
            Users users,
            Clock clock,
            @Value("${couchannel.identity.reputation.session-length:3h}") Duration sessionLength) {
        this.facts = facts;
        this.users = users;
        this.clock = clock;
        this.sessionLength = sessionLength;
    }

    /** The reputation of an account; empty when identity has no account with that id. */
    public Optional<Answer> ofUser(UUID userId) {
        return users.byId(userId).map(user -> new Answer(Optional.of(user.id()), of(user.email())));
    }

    /**
     * The reputation of the user events name by {@code email}; someone nothing is known about gets the
     * newcomer's (the priors), with or without an account.
     */
    public Answer ofEmail(String email) {
        String id = email.strip().toLowerCase(Locale.ROOT);
        return new Answer(users.byEmail(id).map(User::id), of(id));
    }

    private Reputation of(String email) {
        Instant now = clock.instant();
        return Reputation.of(
                facts.host(email, now.minus(Reputation.REPLY_WITHIN)), facts.guest(email, now.minus(sessionLength)));
    }
}
