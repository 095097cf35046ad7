package dev.couchannel.search.opensearch;

import org.jspecify.annotations.Nullable;

/** OpenSearch did not answer, or refused a request the read model relies on; retrying later may help. */
public class OpenSearchUnavailable extends RuntimeException {

    public OpenSearchUnavailable(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
