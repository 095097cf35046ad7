package dev.couchannel.hosting.photo.persistence;

import dev.couchannel.hosting.photo.ImageType;
import dev.couchannel.hosting.photo.Photo;
import dev.couchannel.hosting.photo.Photos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPhotos implements Photos {

    private static final String COLUMNS =
            "id, venue_id, content_type, size_bytes, storage_key, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    JdbcPhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Photo> ofVenue(UUID venueId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue_photos WHERE venue_id = :venue ORDER BY uploaded_at, id")
                .param("venue", venueId)
                .query(JdbcPhotos::map)
                .list();
    }

    @Override
    public int countOf(UUID venueId) {
        return jdbc.sql("SELECT count(*) FROM venue_photos WHERE venue_id = :venue")
                .param("venue", venueId)
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<Photo> find(UUID venueId, UUID photoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue_photos WHERE venue_id = :venue AND id = :id")
                .param("venue", venueId)
                .param("id", photoId)
                .query(JdbcPhotos::map)
                .optional();
    }

    @Override
    public void add(Photo photo) {
        jdbc.sql("""
                        INSERT INTO venue_photos (id, venue_id, content_type, size_bytes, storage_key, uploaded_by,
                            uploaded_at)
                        VALUES (:id, :venue, :type, :size, :key, :by, :at)
                        """)
                .param("id", photo.id())
                .param("venue", photo.venueId())
                .param("type", photo.type().mediaType())
                .param("size", photo.sizeBytes())
                .param("key", photo.storageKey())
                .param("by", photo.uploadedBy())
                .param("at", Timestamp.from(photo.uploadedAt()))
                .update();
    }

    @Override
    public boolean remove(UUID venueId, UUID photoId) {
        return jdbc.sql("DELETE FROM venue_photos WHERE venue_id = :venue AND id = :id")
                        .param("venue", venueId)
                        .param("id", photoId)
                        .update()
                > 0;
    }

    private static Photo map(ResultSet rs, int row) throws SQLException {
        return new Photo(
                rs.getObject("id", UUID.class),
                rs.getObject("venue_id", UUID.class),
                ImageType.ofMediaType(rs.getString("content_type")).orElseThrow(),
                rs.getLong("size_bytes"),
                rs.getString("storage_key"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
