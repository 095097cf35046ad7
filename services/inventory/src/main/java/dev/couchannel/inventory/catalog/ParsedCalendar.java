package dev.couchannel.inventory.catalog;

import java.util.List;

/** A calendar file read line by line: its fixtures, or every problem found (then nothing may be imported). */
public record ParsedCalendar(List<Fixture> fixtures, List<LineProblem> problems) {

    public ParsedCalendar {
        fixtures = List.copyOf(fixtures);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty() && !fixtures.isEmpty();
    }
}
