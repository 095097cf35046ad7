package dev.couchannel.inventory.seating.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sweeps expired holds on a fixed delay; no saga needs to be alive for seats to come back. */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final SeatCommands seats;

    HoldExpiry(SeatCommands seats) {
        this.seats = seats;
    }

    @Scheduled(fixedDelayString = "${couchannel.holds.expiry-sweep:2s}")
    void sweep() {
        int expired;
        do {
            expired = seats.expireHolds(200);
            if (expired > 0) {
                log.info("expired {} seat holds", expired);
            }
        } while (expired == 200);
    }
}
