package dev.couchannel.inventory.seating;

/** One field of a request that the domain refuses, with what to fix in words a person can read. */
public record Violation(String field, String message) {}
