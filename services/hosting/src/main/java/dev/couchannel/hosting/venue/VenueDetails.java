package dev.couchannel.hosting.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a host tells about a venue: name, type, address, map point, how many guests it
 * seats, its equipment and the streaming packages held there. Always valid: building one with
 * facts that break a rule throws {@link InvalidVenue} naming each of them.
 */
public record VenueDetails(
        String name,
        VenueType type,
        Address address,
        GeoPoint location,
        int capacity,
        Equipment equipment,
        List<StreamingPackage> packages) {

    public static final int MAX_NAME = 100;
    public static final int MAX_CAPACITY = 2000;
    public static final int MAX_PACKAGES = 20;

    public VenueDetails {
        name = Text.strip(name);
        packages = packages == null ? List.of() : List.copyOf(packages);
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(equipment, "equipment");
        Violations violations = new Violations()
                .check(Text.fits(name, MAX_NAME), "name", "Give the venue a name, up to " + MAX_NAME + " characters.")
                .check(type != null, "type", "type must be HOME or COMMERCIAL.")
                .check(
                        capacity >= 1 && capacity <= MAX_CAPACITY,
                        "capacity",
                        "capacity is how many guests the venue seats: between 1 and " + MAX_CAPACITY + ", not "
                                + capacity + ".")
                .check(
                        packages.size() <= MAX_PACKAGES,
                        "packages",
                        "List at most " + MAX_PACKAGES + " streaming packages, not " + packages.size() + ".");
        List<StreamingPackage> seen = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            StreamingPackage candidate = packages.get(i);
            violations.check(
                    seen.stream().noneMatch(candidate::sameSubscriptionAs),
                    "packages[" + i + "]",
                    "This package is listed twice (" + candidate.provider() + ", " + candidate.licence() + ", "
                            + candidate.country() + "); list each subscription once.");
            seen.add(candidate);
        }
        violations.throwIfAny();
    }
}
