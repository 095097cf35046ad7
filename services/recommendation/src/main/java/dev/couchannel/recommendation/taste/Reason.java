package dev.couchannel.recommendation.taste;

/** Why a session is recommended, as data a client renders in its own words. */
public sealed interface Reason {

    /** The guest booked sessions of this team's fixtures {@code bookings} times. */
    record FavouriteTeam(String team, int bookings) implements Reason {}

    /** The guest booked this host's sessions {@code bookings} times. */
    record FavouriteHost(String host, int bookings) implements Reason {}

    /** {@code guests} other guests who booked {@code bookedWith} (a host the guest booked) also booked {@code host}. */
    record CoBooked(String host, String bookedWith, int guests) implements Reason {}

    /** The session already has {@code bookings} live bookings. */
    record Popular(int bookings, int seats) implements Reason {}

    /** The venue is {@code kilometres} from where the guest asked from. */
    record Nearby(double kilometres) implements Reason {}
}
