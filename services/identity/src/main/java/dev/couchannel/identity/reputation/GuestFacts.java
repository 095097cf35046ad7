package dev.couchannel.identity.reputation;

/**
 * What other services' events told identity about a guest.
 *
 * @param attended confirmed bookings, not cancelled, whose session has ended, that no host marked a no-show
 * @param noShows bookings whose host recorded that the guest did not come
 */
public record GuestFacts(int attended, int noShows) {

    public static final GuestFacts NONE = new GuestFacts(0, 0);
}
