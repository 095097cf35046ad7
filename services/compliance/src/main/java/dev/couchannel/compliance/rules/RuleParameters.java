package dev.couchannel.compliance.rules;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** A rule's parameters, as stored (text), read by the type its kind declares. */
public record RuleParameters(Map<String, String> values) {

    public RuleParameters {
        values = Map.copyOf(values);
    }

    /** The type of a parameter, and how to read it. */
    public enum Type {
        WHOLE_NUMBER("a whole number of at least 0") {
            @Override
            Object parse(String text) {
                int value = Integer.parseInt(text.trim());
                if (value < 0) {
                    throw new IllegalArgumentException("negative");
                }
                return value;
            }
        },
        TIME("a time of day such as 14:45") {
            @Override
            Object parse(String text) {
                return LocalTime.parse(text.trim());
            }
        },
        DAY("a day of the week such as SATURDAY") {
            @Override
            Object parse(String text) {
                return DayOfWeek.valueOf(text.trim().toUpperCase(Locale.ROOT));
            }
        },
        ZONE("a time zone such as Europe/London") {
            @Override
            Object parse(String text) {
                return ZoneId.of(text.trim());
            }
        },
        FLAG("true or false") {
            @Override
            Object parse(String text) {
                return switch (text.trim()) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
            }
        };

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }

        abstract Object parse(String text);

        boolean accepts(String text) {
            try {
                parse(text);
                return true;
            } catch (IllegalArgumentException | DateTimeException e) {
                return false;
            }
        }
    }

    /** A parameter a kind of rule needs. */
    public record Spec(String name, Type type) {}

    public int wholeNumber(String name) {
        return (int) read(name, Type.WHOLE_NUMBER);
    }

    public LocalTime time(String name) {
        return (LocalTime) read(name, Type.TIME);
    }

    public DayOfWeek day(String name) {
        return (DayOfWeek) read(name, Type.DAY);
    }

    public ZoneId zone(String name) {
        return (ZoneId) read(name, Type.ZONE);
    }

    public boolean flag(String name) {
        return (boolean) read(name, Type.FLAG);
    }

    private Object read(String name, Type type) {
        String text = values.get(name);
        if (text == null) {
            throw new IllegalStateException("parameter " + name + " is missing");
        }
        return type.parse(text);
    }
}
