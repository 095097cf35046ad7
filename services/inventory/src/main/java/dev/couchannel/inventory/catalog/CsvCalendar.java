package dev.couchannel.inventory.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A fixtures calendar as CSV. The first line is the header
 * {@code competition,homeTeam,awayTeam,kickoff,territory[,broadcaster]} (names in this order, case
 * ignored); each further non-blank line is one fixture. {@code kickoff} is ISO-8601 with an offset
 * or {@code Z} ({@code 2026-11-28T15:00:00Z}), {@code territory} an ISO 3166 alpha-2 code. Fields
 * may be quoted ({@code "Brighton, Hove"}, {@code ""} for a quote); a field cannot span lines.
 */
public final class CsvCalendar {

    static final List<String> COLUMNS = List.of("competition", "hometeam", "awayteam", "kickoff", "territory");
    static final String HEADER = "competition,homeTeam,awayTeam,kickoff,territory[,broadcaster]";

    private CsvCalendar() {}

    public static ParsedCalendar parse(String text) {
        List<Fixture> fixtures = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        int header = firstNonBlank(lines);
        if (header < 0) {
            return new ParsedCalendar(
                    List.of(),
                    List.of(new LineProblem(
                            1, "The file is empty; send a header line " + HEADER + " and one line per fixture.")));
        }
        List<String> columns = new ArrayList<>();
        String headerProblem = split(lines[header], columns);
        List<String> names =
                columns.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        boolean withBroadcaster = names.size() == 6 && names.get(5).equals("broadcaster");
        if (headerProblem != null
                || !(names.equals(COLUMNS)
                        || withBroadcaster && names.subList(0, 5).equals(COLUMNS))) {
            problems.add(new LineProblem(
                    header + 1,
                    "The first line must be the header " + HEADER + ", not '" + lines[header].strip() + "'."));
            return new ParsedCalendar(List.of(), problems);
        }
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            String quoting = split(lines[i], fields);
            Fixture fixture = null;
            if (quoting != null) {
                wrong.add(quoting);
            } else if (fields.size() != names.size() && !(withBroadcaster && fields.size() == 5)) {
                wrong.add("expected " + names.size() + " fields (" + HEADER + ") but found " + fields.size());
            } else {
                Instant kickoff = kickoff(fields.get(3), wrong);
                fixture = CalendarEntry.fixture(
                        fields.get(0),
                        fields.get(1),
                        fields.get(2),
                        kickoff,
                        fields.get(4),
                        fields.size() > 5 ? fields.get(5) : null,
                        wrong);
            }
            if (fixture != null) {
                fixtures.add(fixture);
            } else {
                problems.add(new LineProblem(i + 1, String.join("; ", wrong) + "."));
            }
        }
        if (fixtures.isEmpty() && problems.isEmpty()) {
            problems.add(
                    new LineProblem(header + 1, "The file has a header but no fixture; add one line per fixture."));
        }
        return new ParsedCalendar(fixtures, problems);
    }

    private static @Nullable Instant kickoff(String value, List<String> problems) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(
                    "kickoff must be ISO-8601 with an offset or Z, like 2026-11-28T15:00:00Z, not '" + value + "'");
            return null;
        }
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Splits one line into {@code fields}; returns a problem when its quotes do not close. */
    private static @Nullable String split(String line, List<String> fields) {
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return quoted ? "a quoted field is not closed (a field cannot span lines)" : null;
    }
}
