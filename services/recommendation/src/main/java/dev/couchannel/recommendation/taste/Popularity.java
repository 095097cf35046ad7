package dev.couchannel.recommendation.taste;

/** A session's live (confirmed, not cancelled) bookings and the seats they hold. */
public record Popularity(int bookings, int seats) {

    public static Popularity none() {
        return new Popularity(0, 0);
    }

    public Popularity add(Booking booking) {
        return new Popularity(bookings + 1, seats + booking.seats());
    }

    public Popularity remove(Booking booking) {
        return new Popularity(Math.max(0, bookings - 1), Math.max(0, seats - booking.seats()));
    }
}
