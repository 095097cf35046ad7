package dev.couchannel.inventory.waitlist.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires offers that ran out and serves lines that have seats waiting for them, on a fixed delay. */
@Component
class WaitlistSweep {

    private static final Logger log = LoggerFactory.getLogger(WaitlistSweep.class);
    private static final int BATCH = 100;

    private final WaitlistOffers offers;

    WaitlistSweep(WaitlistOffers offers) {
        this.offers = offers;
    }

    @Scheduled(fixedDelayString = "${couchannel.waitlist.sweep:2s}")
    void sweep() {
        int expired;
        do {
            expired = offers.expireOffers(BATCH);
            if (expired > 0) {
                log.info("expired {} waitlist offers", expired);
            }
        } while (expired == BATCH);
        offers.serveWaiting(BATCH);
    }
}
