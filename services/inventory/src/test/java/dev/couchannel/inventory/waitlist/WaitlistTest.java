package dev.couchannel.inventory.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaitlistTest {

    static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");
    static final UUID SESSION = UUID.randomUUID();

    static WaitlistEntry waiting(String guest, int seats) {
        return WaitlistEntry.join(SESSION, guest, seats, NOW);
    }

    @Test
    void freedSeatsGoToTheFirstInLineWhoseRequestFits() {
        WaitlistEntry four = waiting("a@example.com", 4);
        WaitlistEntry one = waiting("b@example.com", 1);
        WaitlistEntry two = waiting("c@example.com", 2);
        WaitlistEntry another = waiting("d@example.com", 1);

        assertThat(Waitlist.nextInLine(List.of(four, one, two, another), 3)).containsExactly(one, two);
        assertThat(Waitlist.nextInLine(List.of(four, one, two, another), 5)).containsExactly(four, one);
        assertThat(Waitlist.nextInLine(List.of(four), 3)).isEmpty();
    }

    @Test
    void onlyTheOffersGuestBooksItForExactlyItsSeatsWhileItIsOpen() {
        WaitlistEntry entry = waiting("guest@example.com", 2);
        WaitlistOffer offer = entry.offer(NOW.plus(Duration.ofMinutes(15)), NOW);
        assertThat(entry.status()).isEqualTo(EntryStatus.OFFERED);

        assertThat(offer.accept(entry, UUID.randomUUID(), "guest2@example.com", 2, NOW))
                .isEqualTo(new WaitlistOffer.Acceptance.Refused("This waitlist offer is for another guest."));
        assertThat(offer.accept(entry, UUID.randomUUID(), "guest@example.com", 1, NOW))
                .isEqualTo(new WaitlistOffer.Acceptance.Refused("This waitlist offer is for 2 seats; book exactly 2."));
        assertThat(offer.accept(entry, UUID.randomUUID(), "guest@example.com", 2, NOW.plus(Duration.ofMinutes(15))))
                .isEqualTo(new WaitlistOffer.Acceptance.Refused("This waitlist offer expired."));
        assertThat(offer.status()).isEqualTo(OfferStatus.OPEN);

        UUID booking = UUID.randomUUID();
        assertThat(offer.accept(entry, booking, "guest@example.com", 2, NOW))
                .isEqualTo(new WaitlistOffer.Acceptance.Accepted());
        assertThat(offer.bookingId()).isEqualTo(booking);
        assertThat(entry.status()).isEqualTo(EntryStatus.BOOKED);
        assertThat(offer.accept(entry, UUID.randomUUID(), "guest@example.com", 2, NOW))
                .isInstanceOf(WaitlistOffer.Acceptance.Refused.class);
    }

    @Test
    void anOfferThatRunsOutTakesTheGuestOutOfLine() {
        WaitlistEntry entry = waiting("guest@example.com", 1);
        WaitlistOffer offer = entry.offer(NOW.plus(Duration.ofMinutes(15)), NOW);

        assertThat(offer.isDueAt(NOW)).isFalse();
        assertThat(offer.isDueAt(NOW.plus(Duration.ofMinutes(15)))).isTrue();
        offer.expire(NOW);
        entry.offerExpired(NOW);

        assertThat(offer.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(entry.status().isActive()).isFalse();
    }
}
