package dev.couchannel.recommendation.taste;

import java.util.Map;

/** The guests with live bookings at a host's sessions, with how many each: the base of co-booking. */
public record HostGuests(Map<String, Integer> guests) {

    public HostGuests {
        guests = Map.copyOf(guests);
    }

    public static HostGuests none() {
        return new HostGuests(Map.of());
    }

    public HostGuests add(String guest) {
        return new HostGuests(Counts.plus(guests, guest));
    }

    public HostGuests remove(String guest) {
        return new HostGuests(Counts.minus(guests, guest));
    }
}
