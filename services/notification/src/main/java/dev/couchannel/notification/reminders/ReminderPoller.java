package dev.couchannel.notification.reminders;

import dev.couchannel.notification.facts.FactsSource;
import dev.couchannel.notification.facts.FactsUnavailable;
import dev.couchannel.notification.facts.SessionFacts;
import dev.couchannel.notification.messaging.Notifier;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due reminders: claims them with a lease, reads the session's facts, then in one
 * transaction marks each SENT (only if still PENDING) and queues its mail and inbox entry.
 */
@Component
class ReminderPoller {

    private static final Logger log = LoggerFactory.getLogger(ReminderPoller.class);

    private final Reminders reminders;
    private final FactsSource facts;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Duration lease;
    private final Duration retryAfter;

    ReminderPoller(
            Reminders reminders,
            FactsSource facts,
            Notifier notifier,
            TransactionTemplate transactions,
            @Value("${couchannel.notification.reminders.batch-size:50}") int batchSize,
            @Value("${couchannel.notification.reminders.lease:60s}") Duration lease,
            @Value("${couchannel.notification.facts.retry-after:5s}") Duration retryAfter) {
        this.reminders = reminders;
        this.facts = facts;
        this.notifier = notifier;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.lease = lease;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${couchannel.notification.reminders.poll-interval:1s}")
    void sendDue() {
        List<Reminders.Reminder> due;
        do {
            due = reminders.claimDue(batchSize, lease);
            due.forEach(this::send);
        } while (due.size() == batchSize);
    }

    private void send(Reminders.Reminder reminder) {
        SessionFacts session;
        try {
            session = facts.session(reminder.sessionId());
        } catch (FactsUnavailable e) {
            log.info("reminder {} waits for facts: {}", reminder.id(), e.getMessage());
            reminders.retryLater(reminder.id(), retryAfter);
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (reminders.markSent(reminder.id())) {
                notifier.remind(reminder, session);
            }
        });
    }
}
