package dev.couchannel.booking.checkout.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of enum constants as PostgreSQL {@code TEXT[]}, the way the sagas store what they wait on. */
final class PostgresArrays {

    private PostgresArrays() {}

    /** An array literal such as {@code {RELEASE_SEATS,VOID_PAYMENT}}, for {@code CAST(:x AS TEXT[])}. */
    static String ofNames(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    static <E extends Enum<E>> Set<E> toEnums(Array array, Class<E> type) throws SQLException {
        Set<E> values = EnumSet.noneOf(type);
        if (array != null) {
            Arrays.stream((String[]) array.getArray())
                    .map(name -> Enum.valueOf(type, name))
                    .forEach(values::add);
        }
        return values;
    }
}
