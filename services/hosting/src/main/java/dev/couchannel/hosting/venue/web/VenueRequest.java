package dev.couchannel.hosting.venue.web;

import dev.couchannel.hosting.venue.Address;
import dev.couchannel.hosting.venue.Equipment;
import dev.couchannel.hosting.venue.GeoPoint;
import dev.couchannel.hosting.venue.InvalidVenue;
import dev.couchannel.hosting.venue.Licence;
import dev.couchannel.hosting.venue.StreamingPackage;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.VenueType;
import dev.couchannel.hosting.venue.Violations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/venues} and {@code PUT /api/venues/{id}}. Enums arrive as strings
 * so that an unknown value is reported against its field like any other mistake, instead of
 * failing the whole body as unreadable.
 */
record VenueRequest(
        @NotBlank(message = "name is required: how guests will know the venue")
        @Size(max = VenueDetails.MAX_NAME, message = "name must be at most " + VenueDetails.MAX_NAME + " characters")
        String name,

        @NotNull(message = "type is required: HOME or COMMERCIAL")
        @Pattern(regexp = "HOME|COMMERCIAL", message = "type must be HOME or COMMERCIAL")
        String type,

        @NotBlank(message = "address is required: street, number and flat")
        @Size(max = Address.MAX_STREET, message = "address must be at most " + Address.MAX_STREET + " characters")
        String address,

        @NotBlank(message = "city is required")
        @Size(max = Address.MAX_CITY, message = "city must be at most " + Address.MAX_CITY + " characters")
        String city,

        @NotNull(message = "country is required: an ISO 3166 alpha-2 code such as GB or PL")
        @Pattern(
                regexp = "[A-Z]{2}",
                message = "country must be an ISO 3166 alpha-2 code in upper case, such as GB or PL")
        String country,

        @NotNull(message = "lat is required: the latitude in degrees")
        @DecimalMin(value = "-90", message = "lat must be between -90 and 90 degrees")
        @DecimalMax(value = "90", message = "lat must be between -90 and 90 degrees")
        Double lat,

        @NotNull(message = "lon is required: the longitude in degrees")
        @DecimalMin(value = "-180", message = "lon must be between -180 and 180 degrees")
        @DecimalMax(value = "180", message = "lon must be between -180 and 180 degrees")
        Double lon,

        @NotNull(message = "capacity is required: how many guests the venue seats")
        @Min(value = 1, message = "capacity must be at least 1 guest")
        @Max(value = VenueDetails.MAX_CAPACITY, message = "capacity must be at most " + VenueDetails.MAX_CAPACITY)
        Integer capacity,

        @NotNull(message = "screens is required: how many screens or projectors (0 for none)")
        @Min(value = 0, message = "screens must not be negative")
        @Max(value = Equipment.MAX_SCREENS, message = "screens must be at most " + Equipment.MAX_SCREENS)
        Integer screens,

        @NotNull(message = "largestScreenInches is required: the largest diagonal in inches (0 for no screen)")
        @Min(value = 0, message = "largestScreenInches must not be negative")
        @Max(
                value = Equipment.MAX_SCREEN_INCHES,
                message = "largestScreenInches must be at most " + Equipment.MAX_SCREEN_INCHES)
        Integer largestScreenInches,

        @Nullable
        @Min(value = 0, message = "speakers must not be negative")
        @Max(value = Equipment.MAX_SPEAKERS, message = "speakers must be at most " + Equipment.MAX_SPEAKERS)
        Integer speakers,

        @NotNull(message = "packages is required: the streaming subscriptions held at the venue ([] for none)")
        @Size(
                max = VenueDetails.MAX_PACKAGES,
                message = "packages must list at most " + VenueDetails.MAX_PACKAGES + " subscriptions")
        List<@NotNull(message = "a package must not be null") @Valid PackageRequest> packages) {

    record PackageRequest(
            @NotBlank(message = "provider is required, such as Sky, DAZN or Canal+")
            @Size(
                    max = StreamingPackage.MAX_PROVIDER,
                    message = "provider must be at most " + StreamingPackage.MAX_PROVIDER + " characters")
            String provider,

            @NotNull(message = "licence is required: RESIDENTIAL or COMMERCIAL")
            @Pattern(regexp = "RESIDENTIAL|COMMERCIAL", message = "licence must be RESIDENTIAL or COMMERCIAL")
            String licence,

            @NotNull(message = "country is required: the country of the subscription account")
            @Pattern(
                    regexp = "[A-Z]{2}",
                    message = "country must be an ISO 3166 alpha-2 code in upper case, such as GB or PL")
            String country) {}

    /**
     * The venue facts, checked by the domain's rules (which know more than the annotations: real
     * country codes, screen sizes that match the screen count, no package twice).
     *
     * @throws InvalidVenue listing every fact that breaks a rule
     */
    VenueDetails toDetails() {
        Violations violations = new Violations();
        Address where = violations.attempt(() -> new Address(address, city, country));
        GeoPoint location = violations.attempt(() -> new GeoPoint(lat, lon));
        Equipment equipment =
                violations.attempt(() -> new Equipment(screens, largestScreenInches, speakers == null ? 0 : speakers));
        List<StreamingPackage> subscriptions = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            PackageRequest p = packages.get(i);
            StreamingPackage subscription = violations.attempt(
                    "packages[" + i + "].",
                    () -> new StreamingPackage(p.provider(), Licence.valueOf(p.licence()), p.country()));
            subscriptions.add(subscription);
        }
        violations.throwIfAny();
        return new VenueDetails(
                name, VenueType.valueOf(type), where, location, capacity, equipment, List.copyOf(subscriptions));
    }
}
