package dev.couchannel.hosting.venue;

/** A point on the map in WGS 84 degrees, for distance search. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        new Violations()
                .check(
                        Double.isFinite(lat) && lat >= -90 && lat <= 90,
                        "lat",
                        "lat must be a latitude between -90 and 90 degrees, not " + lat + ".")
                .check(
                        Double.isFinite(lon) && lon >= -180 && lon <= 180,
                        "lon",
                        "lon must be a longitude between -180 and 180 degrees, not " + lon + ".")
                .throwIfAny();
    }
}
