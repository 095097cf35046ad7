package dev.couchannel.identity.keys;

import java.util.List;

/** The stored signing keys. */
public interface SigningKeys {

    /** The active and previous keys, active first. */
    List<SigningKey> published();

    /** Saves a new active key and demotes the old one, atomically; the first key needs no demotion. */
    void rotate(SigningKey newActive, List<SigningKey> demoted);

    void retire(SigningKey key);
}
