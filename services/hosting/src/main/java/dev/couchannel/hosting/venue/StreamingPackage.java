package dev.couchannel.hosting.venue;

import java.util.Locale;

/**
 * A subscription the host holds: its provider (Sky, DAZN, Canal+ ...), licence type and the
 * country of the account. Compliance compares these with the venue and the fixture.
 */
public record StreamingPackage(String provider, Licence licence, String country) {

    public static final int MAX_PROVIDER = 60;

    public StreamingPackage {
        provider = Text.strip(provider);
        new Violations()
                .check(
                        Text.fits(provider, MAX_PROVIDER),
                        "provider",
                        "Name the streaming provider (such as Sky, DAZN or Canal+), up to " + MAX_PROVIDER
                                + " characters.")
                .check(licence != null, "licence", "licence must be RESIDENTIAL or COMMERCIAL.")
                .check(
                        Countries.isCode(country),
                        "country",
                        Countries.mustBeCode("country", country) + " Use the country of the subscription account.")
                .throwIfAny();
    }

    /** Two packages are the same subscription when provider (ignoring case), licence and country match. */
    boolean sameSubscriptionAs(StreamingPackage other) {
        return provider.toLowerCase(Locale.ROOT).equals(other.provider.toLowerCase(Locale.ROOT))
                && licence == other.licence
                && country.equals(other.country);
    }
}
