package dev.couchannel.hosting.venue.persistence;

import dev.couchannel.hosting.venue.Address;
import dev.couchannel.hosting.venue.Equipment;
import dev.couchannel.hosting.venue.GeoPoint;
import dev.couchannel.hosting.venue.Licence;
import dev.couchannel.hosting.venue.StreamingPackage;
import dev.couchannel.hosting.venue.Venue;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.VenueType;
import dev.couchannel.hosting.venue.Venues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVenues implements Venues {

    private static final String COLUMNS = """
            id, host_id, name, type, street, city, country, lat, lon, capacity, screens, largest_screen_inches,
            speakers, registered_at, updated_at, version
            """;

    private final JdbcClient jdbc;

    JdbcVenues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Venue> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM venues WHERE id = :id", id);
    }

    @Override
    public Optional<Venue> lock(UUID id) {
        return one("SELECT " + COLUMNS + " FROM venues WHERE id = :id FOR UPDATE", id);
    }

    private Optional<Venue> one(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Row::map).optional().map(row -> row.venue(packagesOf(List.of(id))));
    }

    @Override
    public void add(Venue venue) {
        VenueDetails details = venue.details();
        jdbc.sql("""
                        INSERT INTO venues (id, host_id, name, type, street, city, country, lat, lon, capacity, screens,
                            largest_screen_inches, speakers, registered_at, updated_at, version)
                        VALUES (:id, :host, :name, :type, :street, :city, :country, :lat, :lon, :capacity, :screens,
                            :largest, :speakers, :registered, :updated, :version)
                        """)
                .param("id", venue.id())
                .param("host", venue.hostId())
                .param("name", details.name())
                .param("type", details.type().name())
                .param("street", details.address().street())
                .param("city", details.address().city())
                .param("country", details.address().country())
                .param("lat", details.location().lat())
                .param("lon", details.location().lon())
                .param("capacity", details.capacity())
                .param("screens", details.equipment().screens())
                .param("largest", details.equipment().largestScreenInches())
                .param("speakers", details.equipment().speakers())
                .param("registered", Timestamp.from(venue.registeredAt()))
                .param("updated", Timestamp.from(venue.updatedAt()))
                .param("version", venue.version())
                .update();
        insertPackages(venue);
    }

    @Override
    public void save(Venue venue) {
        VenueDetails details = venue.details();
        int updated = jdbc.sql("""
                        UPDATE venues SET name = :name, type = :type, street = :street, city = :city,
                            country = :country, lat = :lat, lon = :lon, capacity = :capacity, screens = :screens,
                            largest_screen_inches = :largest, speakers = :speakers, updated_at = :updated,
                            version = :version
                        WHERE id = :id AND version = :version - 1
                        """)
                .param("id", venue.id())
                .param("name", details.name())
                .param("type", details.type().name())
                .param("street", details.address().street())
                .param("city", details.address().city())
                .param("country", details.address().country())
                .param("lat", details.location().lat())
                .param("lon", details.location().lon())
                .param("capacity", details.capacity())
                .param("screens", details.equipment().screens())
                .param("largest", details.equipment().largestScreenInches())
                .param("speakers", details.equipment().speakers())
                .param("updated", Timestamp.from(venue.updatedAt()))
                .param("version", venue.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("venue " + venue.id() + " changed concurrently");
        }
        jdbc.sql("DELETE FROM venue_packages WHERE venue_id = :id")
                .param("id", venue.id())
                .update();
        insertPackages(venue);
    }

    private void insertPackages(Venue venue) {
        List<StreamingPackage> packages = venue.details().packages();
        for (int position = 0; position < packages.size(); position++) {
            StreamingPackage p = packages.get(position);
            jdbc.sql("""
                            INSERT INTO venue_packages (venue_id, position, provider, licence, country)
                            VALUES (:venue, :position, :provider, :licence, :country)
                            """)
                    .param("venue", venue.id())
                    .param("position", position)
                    .param("provider", p.provider())
                    .param("licence", p.licence().name())
                    .param("country", p.country())
                    .update();
        }
    }

    @Override
    public int countOfHost(String hostId) {
        return jdbc.sql("SELECT count(*) FROM venues WHERE host_id = :host")
                .param("host", hostId)
                .query(Integer.class)
                .single();
    }

    @Override
    public List<Venue> ofHost(String hostId, int limit) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS
                        + " FROM venues WHERE host_id = :host ORDER BY registered_at, id LIMIT :limit")
                .param("host", hostId)
                .param("limit", limit)
                .query(Row::map)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StreamingPackage>> packages =
                packagesOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.venue(packages)).toList();
    }

    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM venues)")
                .query(Boolean.class)
                .single();
    }

    private Map<UUID, List<StreamingPackage>> packagesOf(List<UUID> venueIds) {
        Map<UUID, List<StreamingPackage>> packages = new HashMap<>();
        jdbc.sql("""
                        SELECT venue_id, provider, licence, country FROM venue_packages
                        WHERE venue_id IN (:ids) ORDER BY venue_id, position
                        """).param("ids", venueIds).query(rs -> {
            packages.computeIfAbsent(rs.getObject("venue_id", UUID.class), id -> new ArrayList<>())
                    .add(new StreamingPackage(
                            rs.getString("provider"),
                            Licence.valueOf(rs.getString("licence")),
                            rs.getString("country")));
        });
        return packages;
    }

    /** A venue row before its packages are attached. */
    private record Row(
            UUID id,
            String hostId,
            String name,
            VenueType type,
            Address address,
            GeoPoint location,
            int capacity,
            Equipment equipment,
            Timestamp registeredAt,
            Timestamp updatedAt,
            long version) {

        static Row map(ResultSet rs, int row) throws SQLException {
            return new Row(
                    rs.getObject("id", UUID.class),
                    rs.getString("host_id"),
                    rs.getString("name"),
                    VenueType.valueOf(rs.getString("type")),
                    new Address(rs.getString("street"), rs.getString("city"), rs.getString("country")),
                    new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                    rs.getInt("capacity"),
                    new Equipment(rs.getInt("screens"), rs.getInt("largest_screen_inches"), rs.getInt("speakers")),
                    rs.getTimestamp("registered_at"),
                    rs.getTimestamp("updated_at"),
                    rs.getLong("version"));
        }

        Venue venue(Map<UUID, List<StreamingPackage>> packages) {
            return new Venue(
                    id,
                    hostId,
                    new VenueDetails(
                            name, type, address, location, capacity, equipment, packages.getOrDefault(id, List.of())),
                    registeredAt.toInstant(),
                    updatedAt.toInstant(),
                    version);
        }
    }
}
