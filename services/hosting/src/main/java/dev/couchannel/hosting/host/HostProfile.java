package dev.couchannel.hosting.host;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A host's public profile: how guests know the person whose place they visit.
 *
 * @param id the public id ({@code GET /api/hosts/{id}})
 * @param ownerId the host id venues and sessions carry (an e-mail address: never shown to others)
 * @param languages ISO 639-1 codes, such as {@code en}, {@code pl}
 * @param memberSince when the host first wrote their profile
 */
public record HostProfile(
        UUID id,
        String ownerId,
        String displayName,
        String bio,
        List<String> languages,
        Instant memberSince,
        Instant updatedAt) {

    public HostProfile {
        languages = List.copyOf(languages);
    }

    /** What a host writes about themselves: the part of the profile they may change. */
    public record About(String displayName, String bio, List<String> languages) {

        public About {
            displayName = displayName.strip();
            bio = bio.strip();
            languages = languages.stream().map(String::strip).distinct().toList();
        }
    }
}
