package dev.couchannel.compliance.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the rules read about one showing: the session and its fixture (from inventory) and the
 * venue (from hosting), and how many people would attend.
 *
 * @param territory where the showing takes place: the venue's country (ISO 3166 alpha-2)
 * @param sessionSeats the seats the session offers (its capacity)
 * @param seatsLeft seats neither sold nor held
 * @param bookedSeats seats of the booking being checked; 0 when the session itself is checked
 */
public record Facts(
        String sessionId,
        String competition,
        Instant kickoff,
        BigDecimal pricePerSeat,
        int sessionSeats,
        int seatsLeft,
        VenueType venueType,
        String territory,
        int venueCapacity,
        int screens,
        int largestScreenInches,
        int speakers,
        List<StreamingPackage> packages,
        int bookedSeats) {

    public Facts {
        packages = List.copyOf(packages);
    }

    /**
     * How many people the showing would have. For a session: every seat it offers. For a booking:
     * the seats sold and held, which include the booking's own (the saga holds seats before it
     * asks compliance), and never fewer than the booking's seats.
     */
    public int attendees() {
        if (bookedSeats == 0) {
            return sessionSeats;
        }
        return Math.max(sessionSeats - seatsLeft, bookedSeats);
    }

    /** These facts for a booking of {@code seats}. */
    public Facts forBooking(int seats) {
        return new Facts(
                sessionId,
                competition,
                kickoff,
                pricePerSeat,
                sessionSeats,
                seatsLeft,
                venueType,
                territory,
                venueCapacity,
                screens,
                largestScreenInches,
                speakers,
                packages,
                seats);
    }

    public boolean charges() {
        return pricePerSeat.signum() > 0;
    }

    public boolean holds(Licence licence) {
        return packages.stream().anyMatch(p -> p.licence() == licence);
    }
}
