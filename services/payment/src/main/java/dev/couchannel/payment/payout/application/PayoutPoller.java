package dev.couchannel.payment.payout.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link HostPayouts} every {@code couchannel.payment.payouts.poll-interval}. Each run reads the
 * injected clock afresh; several instances may run at once (per-host locks and leases keep them
 * from doing the same work).
 */
@Component
class PayoutPoller {

    private final HostPayouts payouts;

    PayoutPoller(HostPayouts payouts) {
        this.payouts = payouts;
    }

    @Scheduled(
            initialDelayString = "${couchannel.payment.payouts.poll-interval:30s}",
            fixedDelayString = "${couchannel.payment.payouts.poll-interval:30s}")
    void run() {
        payouts.run();
    }
}
