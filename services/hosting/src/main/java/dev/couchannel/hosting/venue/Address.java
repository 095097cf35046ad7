package dev.couchannel.hosting.venue;

/**
 * Where a venue is: street address, city and country (ISO 3166 alpha-2). The country decides
 * which broadcasting rules apply.
 */
public record Address(String street, String city, String country) {

    public static final int MAX_STREET = 200;
    public static final int MAX_CITY = 100;

    public Address {
        street = Text.strip(street);
        city = Text.strip(city);
        new Violations()
                .check(
                        Text.fits(street, MAX_STREET),
                        "address",
                        "Give the street address (street, number, flat), up to " + MAX_STREET + " characters.")
                .check(Text.fits(city, MAX_CITY), "city", "Give the city, up to " + MAX_CITY + " characters.")
                .check(Countries.isCode(country), "country", Countries.mustBeCode("country", country))
                .throwIfAny();
    }
}
