package dev.couchannel.review.review.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The operator's path to a rebuild without the API: start the service with
 * {@code --couchannel.review.rebuild-on-start=true} (e.g. after a migration that adds a projection
 * column) and the projections are rebuilt before it reports ready.
 */
@Component
@ConditionalOnBooleanProperty("couchannel.review.rebuild-on-start")
class RebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

    private final RebuildProjections rebuild;

    RebuildOnStart(RebuildProjections rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        long events = rebuild.rebuild();
        log.info("rebuilt the review projections from {} events", events);
    }
}
