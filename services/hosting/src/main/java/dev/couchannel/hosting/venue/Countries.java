package dev.couchannel.hosting.venue;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    static boolean isCode(@Nullable String country) {
        return country != null && CODES.contains(country);
    }

    static String mustBeCode(String field, @Nullable String country) {
        return field + " must be an ISO 3166 alpha-2 country code in upper case, such as GB, PL or DE"
                + (country == null ? "." : ", not '" + country + "'.");
    }
}
