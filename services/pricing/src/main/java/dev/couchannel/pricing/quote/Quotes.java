package dev.couchannel.pricing.quote;

import java.util.Optional;
import java.util.UUID;

/** The quotes pricing offered. */
public interface Quotes {

    void add(Quote quote);

    Optional<Quote> find(UUID id);

    /** Finds and locks the quote's row until the transaction ends. */
    Optional<Quote> lock(UUID id);

    /** Stores who locks the quote now. */
    void save(Quote quote);
}
