package dev.couchannel.pricing.quote;

import static dev.couchannel.pricing.quote.QuoteFixtures.NOW;
import static dev.couchannel.pricing.quote.QuoteFixtures.freshQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuoteTest {

    final UUID booking = UUID.randomUUID();
    final Quote quote = freshQuote();

    @Test
    void aValidQuoteLocksForItsGuestSessionAndSeats() {
        assertThat(quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", NOW))
                .isEmpty();
        assertThat(quote.lockedBy()).contains(booking);
    }

    @Test
    void lockingAgainForTheSameBookingIsHarmless() {
        quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", NOW);

        assertThat(quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", NOW.plusSeconds(3600)))
                .as("a locked price holds however long the saga takes")
                .isEmpty();
        assertThat(quote.lockedBy()).contains(booking);
    }

    @Test
    void anotherBookingCannotLockALockedQuote() {
        quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", NOW);

        assertThat(quote.lockFor(UUID.randomUUID(), quote.sessionId(), 2, "guest@example.com", NOW))
                .contains("This quote was already used for another booking.");
        assertThat(quote.lockedBy()).contains(booking);
    }

    @Test
    void anExpiredQuoteIsRefusedFromItsExpiryInstantOn() {
        assertThat(quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", quote.expiresAt()))
                .contains("Your price quote expired; get a new one.");
        assertThat(quote.lockedBy()).isEmpty();
        assertThat(quote.isExpired(quote.expiresAt().minusMillis(1))).isFalse();
        assertThat(quote.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aQuoteForOtherSeatsSessionOrGuestIsRefused() {
        assertThat(quote.lockFor(booking, quote.sessionId(), 3, "guest@example.com", NOW))
                .hasValueSatisfying(reason -> assertThat(reason).contains("for 2 seats, not 3"));
        assertThat(quote.lockFor(booking, UUID.randomUUID(), 2, "guest@example.com", NOW))
                .contains("This price quote is for another session.");
        assertThat(quote.lockFor(booking, quote.sessionId(), 2, "guest2@example.com", NOW))
                .contains("This price quote belongs to another guest.");
        assertThat(quote.lockedBy()).isEmpty();
    }

    @Test
    void releasingUnlocksOnlyForTheBookingThatHoldsIt() {
        quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", NOW);

        assertThat(quote.unlock(UUID.randomUUID())).isFalse();
        assertThat(quote.lockedBy()).contains(booking);
        assertThat(quote.unlock(booking)).isTrue();
        assertThat(quote.lockedBy()).isEmpty();
        UUID next = UUID.randomUUID();
        assertThat(quote.lockFor(next, quote.sessionId(), 2, "guest@example.com", NOW))
                .isEmpty();
        assertThat(quote.lockedBy()).contains(next);
    }

    @Test
    void aReleasedQuoteStaysExpiredIfItExpiredMeanwhile() {
        quote.lockFor(booking, quote.sessionId(), 2, "guest@example.com", NOW);
        quote.unlock(booking);

        assertThat(quote.lockFor(UUID.randomUUID(), quote.sessionId(), 2, "guest@example.com", NOW.plusSeconds(3600)))
                .contains("Your price quote expired; get a new one.");
    }

    @Test
    void aQuoteCoversOneToTwentySeats() {
        assertThat(Quote.allowedSeats(0)).isFalse();
        assertThat(Quote.allowedSeats(21)).isFalse();
        assertThat(Quote.allowedSeats(20)).isTrue();
        assertThatThrownBy(() -> Quote.offer(
                        QuoteFixtures.standardRule(),
                        QuoteFixtures.quietPolishSession(),
                        21,
                        "guest@example.com",
                        NOW,
                        Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPriceLockRemembersTheAnswerAndItsRelease() {
        PriceLock locked = PriceLock.locked(booking, quote, NOW);
        PriceLock released = locked.release("payment declined", NOW);

        assertThat(locked.total()).isEqualTo(Money.of("77.49", "PLN"));
        assertThat(released.status()).isEqualTo(PriceLock.Status.RELEASED);
        assertThat(released.quoteId()).isEqualTo(quote.id());
        assertThatThrownBy(() -> new PriceLock(booking, null, PriceLock.Status.LOCKED, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
