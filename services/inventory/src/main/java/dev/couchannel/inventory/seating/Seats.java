package dev.couchannel.inventory.seating;

/**
 * The seat count of a session. Every value satisfies {@code free + held + sold == capacity} with
 * no negative part; each move returns a new value or throws when it would break that.
 */
public record Seats(int capacity, int free, int held, int sold) {

    public Seats {
        if (capacity <= 0 || free < 0 || held < 0 || sold < 0 || free + held + sold != capacity) {
            throw new IllegalArgumentException(
                    "seats must add up: free " + free + " + held " + held + " + sold " + sold + " != " + capacity);
        }
    }

    public static Seats empty(int capacity) {
        return new Seats(capacity, capacity, 0, 0);
    }

    public boolean canHold(int count) {
        return count > 0 && count <= free;
    }

    public Seats hold(int count) {
        return new Seats(capacity, free - count, held + count, sold);
    }

    public Seats sellHeld(int count) {
        return new Seats(capacity, free, held - count, sold + count);
    }

    public Seats releaseHeld(int count) {
        return new Seats(capacity, free + count, held - count, sold);
    }

    public Seats releaseSold(int count) {
        return new Seats(capacity, free + count, held, sold - count);
    }
}
