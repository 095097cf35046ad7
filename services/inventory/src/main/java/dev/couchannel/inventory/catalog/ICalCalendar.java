package dev.couchannel.inventory.catalog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A fixtures calendar as iCalendar (RFC 5545), read simply. Each {@code VEVENT} is one fixture:
 *
 * <ul>
 *   <li>{@code SUMMARY}: {@code Home vs Away} (also {@code vs.}, or {@code Home - Away});
 *   <li>{@code DTSTART}: a UTC date-time ({@code 20261128T150000Z}) or one with a {@code TZID}
 *       parameter naming a java.time zone ({@code DTSTART;TZID=Europe/Warsaw:20261128T160000}); a date
 *       without a time, or a floating time, is refused;
 *   <li>competition: {@code X-COUCHANNEL-COMPETITION}, else the first of {@code CATEGORIES};
 *   <li>territory (ISO 3166 alpha-2): {@code X-COUCHANNEL-TERRITORY}, else {@code LOCATION} when it
 *       is (or ends, after a comma, with) a two-letter code, e.g. {@code London, GB};
 *   <li>broadcaster (optional): {@code X-COUCHANNEL-BROADCASTER}.
 * </ul>
 *
 * Folded lines are unfolded and text escapes undone; other properties and components are ignored.
 * A problem's line is the property's line, or the {@code BEGIN:VEVENT} line when one is missing.
 */
public final class ICalCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final Pattern VERSUS =
            Pattern.compile("\\s+(?:vs\\.?|v\\.?)\\s+|\\s+-\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    private ICalCalendar() {}

    /** One unfolded content line: where it started, its name, parameters and raw value. */
    private record Property(int line, String name, Map<String, String> parameters, String value) {}

    public static ParsedCalendar parse(String text) {
        List<Fixture> fixtures = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            StringBuilder content = new StringBuilder(lines[i]);
            int start = i;
            while (i + 1 < lines.length
                    && !lines[i + 1].isEmpty()
                    && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                content.append(lines[++i], 1, lines[i].length());
            }
            if (content.toString().isBlank()) {
                continue;
            }
            Property property = property(start + 1, content.toString());
            if (property == null) {
                problems.add(new LineProblem(start + 1, "Not an iCalendar property line (NAME[;PARAM=...]:value)."));
            } else {
                properties.add(property);
            }
        }
        if (properties.isEmpty()) {
            return new ParsedCalendar(
                    List.of(),
                    List.of(new LineProblem(
                            1, "The file is empty; send a VCALENDAR with " + "one VEVENT per fixture.")));
        }
        if (!isBegin(properties.getFirst(), "VCALENDAR")) {
            return new ParsedCalendar(
                    List.of(),
                    List.of(new LineProblem(
                            properties.getFirst().line(), "An iCalendar file starts with BEGIN:VCALENDAR.")));
        }
        Map<String, Property> event = null;
        int eventLine = 0;
        for (Property property : properties) {
            if (isBegin(property, "VEVENT")) {
                event = new HashMap<>();
                eventLine = property.line();
            } else if (property.name().equals("END") && property.value().strip().equalsIgnoreCase("VEVENT")) {
                if (event != null) {
                    event(eventLine, event, fixtures, problems);
                }
                event = null;
            } else if (event != null) {
                event.putIfAbsent(property.name(), property);
            }
        }
        if (event != null) {
            problems.add(new LineProblem(eventLine, "This VEVENT has no END:VEVENT."));
        }
        if (fixtures.isEmpty() && problems.isEmpty()) {
            problems.add(new LineProblem(1, "The calendar has no VEVENT; add one per fixture."));
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ParsedCalendar(fixtures, problems);
    }

    private static void event(
            int line, Map<String, Property> event, List<Fixture> fixtures, List<LineProblem> problems) {
        List<LineProblem> wrong = new ArrayList<>();
        String home = null;
        String away = null;
        Property summary = event.get("SUMMARY");
        if (summary == null) {
            wrong.add(new LineProblem(line, "This VEVENT has no SUMMARY; add SUMMARY:Home vs Away."));
        } else {
            String[] teams = VERSUS.split(text(summary.value()).strip(), -1);
            if (teams.length != 2 || teams[0].isBlank() || teams[1].isBlank()) {
                wrong.add(new LineProblem(
                        summary.line(),
                        "SUMMARY must be 'Home vs Away' (or 'Home - Away'), not '" + text(summary.value()) + "'."));
            } else {
                home = teams[0];
                away = teams[1];
            }
        }
        Instant kickoff = null;
        Property start = event.get("DTSTART");
        if (start == null) {
            wrong.add(new LineProblem(line, "This VEVENT has no DTSTART; add DTSTART:20261128T150000Z."));
        } else {
            kickoff = kickoff(start, wrong);
        }
        String competition = first(event, "X-COUCHANNEL-COMPETITION", "CATEGORIES");
        if (competition == null) {
            wrong.add(new LineProblem(
                    line,
                    "This VEVENT names no competition; add X-COUCHANNEL-COMPETITION:<name> "
                            + "(or CATEGORIES:<name>)."));
        }
        Property territoryProperty = event.get("X-COUCHANNEL-TERRITORY");
        String territory =
                territoryProperty != null ? text(territoryProperty.value()).strip() : locationCode(event);
        if (territory == null) {
            wrong.add(new LineProblem(
                    line,
                    "This VEVENT names no territory; add X-COUCHANNEL-TERRITORY:GB (ISO 3166 "
                            + "alpha-2), or a LOCATION ending in such a code."));
            territoryProperty = null;
        }
        Property broadcaster = event.get("X-COUCHANNEL-BROADCASTER");
        List<String> fields = new ArrayList<>();
        Fixture fixture = CalendarEntry.fixture(
                competition,
                home,
                away,
                kickoff,
                territory,
                broadcaster == null ? null : text(broadcaster.value()),
                fields);
        if (!fields.isEmpty()) {
            int at = territoryProperty != null ? territoryProperty.line() : summary != null ? summary.line() : line;
            wrong.add(new LineProblem(at, String.join("; ", fields) + "."));
        }
        if (wrong.isEmpty() && fixture != null) {
            fixtures.add(fixture);
        } else {
            problems.addAll(wrong);
        }
    }

    private static @Nullable Instant kickoff(Property start, List<LineProblem> wrong) {
        String value = start.value().strip();
        String zone = start.parameters().get("TZID");
        String valueType = start.parameters().getOrDefault("VALUE", "DATE-TIME");
        try {
            if (valueType.equalsIgnoreCase("DATE") || value.length() == 8) {
                wrong.add(new LineProblem(
                        start.line(),
                        "DTSTART must have a time of day, like 20261128T150000Z, not " + "the date " + value + "."));
                return null;
            }
            if (value.endsWith("Z") || value.endsWith("z")) {
                return LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL)
                        .toInstant(ZoneOffset.UTC);
            }
            if (zone == null) {
                wrong.add(new LineProblem(
                        start.line(),
                        "DTSTART " + value + " has no zone; end it with Z (UTC) or " + "add ;TZID=Europe/London."));
                return null;
            }
            return LocalDateTime.parse(value, LOCAL)
                    .atZone(ZoneId.of(zone.replace("\"", "")))
                    .toInstant();
        } catch (DateTimeParseException e) {
            wrong.add(new LineProblem(
                    start.line(), "DTSTART must be a date-time like 20261128T150000Z, not '" + value + "'."));
        } catch (DateTimeException e) {
            wrong.add(new LineProblem(
                    start.line(),
                    "TZID '" + zone + "' is not a known time zone; use an IANA name " + "like Europe/London."));
        }
        return null;
    }

    private static @Nullable String first(Map<String, Property> event, String name, String fallback) {
        Property property = event.get(name);
        if (property != null) {
            return text(property.value());
        }
        Property categories = event.get(fallback);
        if (categories == null) {
            return null;
        }
        return text(categories.value().split("(?<!\\\\),", -1)[0]);
    }

    private static @Nullable String locationCode(Map<String, Property> event) {
        Property location = event.get("LOCATION");
        if (location == null) {
            return null;
        }
        String[] parts = text(location.value()).split(",");
        String last = parts[parts.length - 1].strip();
        return CODE.matcher(last).matches() ? last : null;
    }

    private static boolean isBegin(Property property, String component) {
        return property.name().equals("BEGIN") && property.value().strip().equalsIgnoreCase(component);
    }

    private static @Nullable Property property(int line, String content) {
        boolean quoted = false;
        int colon = -1;
        for (int i = 0; i < content.length() && colon < 0; i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
            }
        }
        if (colon <= 0) {
            return null;
        }
        String[] head = content.substring(0, colon).split(";");
        String name = head[0].strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int equals = head[i].indexOf('=');
            if (equals > 0) {
                parameters.put(
                        head[i].substring(0, equals).strip().toUpperCase(Locale.ROOT), head[i].substring(equals + 1));
            }
        }
        return new Property(line, name, parameters, content.substring(colon + 1));
    }

    /** Undoes RFC 5545 TEXT escapes. */
    private static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? ' ' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
