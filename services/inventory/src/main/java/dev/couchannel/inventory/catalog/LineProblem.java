package dev.couchannel.inventory.catalog;

/** What is wrong with one line (1-based) of an imported calendar file, in words that say what to fix. */
public record LineProblem(int line, String problem) {}
