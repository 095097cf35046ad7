package dev.couchannel.identity.keys;

/** Where a signing key is in its life. */
public enum KeyState {
    /** Signs new tokens; published. Exactly one key is active. */
    ACTIVE,
    /** No longer signs, still published so the tokens it signed keep verifying. */
    PREVIOUS,
    /** Gone from the JWKS: every token it signed has expired. */
    RETIRED
}
