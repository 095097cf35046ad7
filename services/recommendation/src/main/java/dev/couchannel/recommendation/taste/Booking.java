package dev.couchannel.recommendation.taste;

/** A confirmed booking that has not been cancelled: its guest (lower-case e-mail) and session. */
public record Booking(String guest, String sessionId, int seats) {}
