package dev.couchannel.inventory.catalog;

/** The fixture calendar files inventory imports: {@link CsvCalendar} and {@link ICalCalendar}. */
public enum CalendarFormat {
    CSV,
    ICAL;

    public ParsedCalendar parse(String text) {
        return switch (this) {
            case CSV -> CsvCalendar.parse(text);
            case ICAL -> ICalCalendar.parse(text);
        };
    }
}
