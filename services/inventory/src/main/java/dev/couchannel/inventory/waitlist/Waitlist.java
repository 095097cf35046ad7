package dev.couchannel.inventory.waitlist;

import java.util.ArrayList;
import java.util.List;

/** How a session's line is served: first come, first served, each guest whose request fits. */
public final class Waitlist {

    private Waitlist() {}

    /**
     * Who gets an offer when {@code freeSeats} are free: walking the line in order, every waiting
     * guest whose request still fits in what is left (a big request at the head does not block
     * smaller ones behind it; it keeps its place for the next seats to free up).
     */
    public static List<WaitlistEntry> nextInLine(List<WaitlistEntry> waitingInOrder, int freeSeats) {
        List<WaitlistEntry> served = new ArrayList<>();
        int left = freeSeats;
        for (WaitlistEntry entry : waitingInOrder) {
            if (entry.status() == EntryStatus.WAITING && entry.seats() <= left) {
                served.add(entry);
                left -= entry.seats();
            }
        }
        return served;
    }
}
