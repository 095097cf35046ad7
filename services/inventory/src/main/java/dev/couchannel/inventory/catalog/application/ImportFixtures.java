package dev.couchannel.inventory.catalog.application;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.catalog.ParsedCalendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a valid calendar's fixtures, in one transaction. A fixture's id comes from competition,
 * teams and kickoff, so a fixture already known (or twice in the file) is left unchanged; a moved
 * kickoff makes a new fixture (the old one stays until an admin postpones it).
 */
@Service
public class ImportFixtures {

    /** What an import did. */
    public record Outcome(int imported, int unchanged) {}

    private final Fixtures fixtures;

    ImportFixtures(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Transactional
    public Outcome importAll(ParsedCalendar calendar) {
        if (!calendar.valid()) {
            throw new IllegalArgumentException("only a valid calendar is imported: " + calendar.problems());
        }
        Map<UUID, Fixture> distinct = new LinkedHashMap<>();
        calendar.fixtures().forEach(fixture -> distinct.putIfAbsent(fixture.id(), fixture));
        int imported = 0;
        for (Fixture fixture : distinct.values()) {
            if (fixtures.addIfAbsent(fixture)) {
                imported++;
            }
        }
        return new Outcome(imported, calendar.fixtures().size() - imported);
    }
}
