package dev.couchannel.identity.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every account. */
public interface Users {

    Optional<User> byEmail(String email);

    Optional<User> byId(UUID id);

    /** The account, locked against other changes until the transaction ends (for counting failures). */
    Optional<User> lockById(UUID id);

    /** Adds the account; false when the e-mail address is taken. */
    boolean add(User user);

    void save(User user);

    /** Up to {@code limit} accounts whose e-mail address contains {@code text} (any case), newest first. */
    List<User> find(String text, int limit);
}
