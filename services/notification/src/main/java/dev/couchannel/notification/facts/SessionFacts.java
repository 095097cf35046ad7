package dev.couchannel.notification.facts;

import java.time.Instant;

/** What a mail says about a showing: the match, its kickoff and where it is shown. */
public record SessionFacts(
        String sessionId,
        String competition,
        String homeTeam,
        String awayTeam,
        Instant kickoff,
        String venueName,
        String venueAddress,
        String venueCity) {

    public String match() {
        return homeTeam + " vs " + awayTeam;
    }

    public String location() {
        return venueName + ", " + venueAddress + ", " + venueCity;
    }
}
