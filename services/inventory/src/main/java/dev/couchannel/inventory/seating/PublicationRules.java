package dev.couchannel.inventory.seating;

import java.util.List;
import java.util.UUID;

/** The broadcasting rules a session must pass before it is published (port; compliance owns them). */
public interface PublicationRules {

    Verdict check(UUID sessionId);

    /** One rule that refused the session: its id (such as {@code uk-3pm-blackout@1}) and why. */
    record Finding(String ruleId, String reason) {}

    sealed interface Verdict {

        record Allowed() implements Verdict {}

        record Refused(List<Finding> findings) implements Verdict {
            public Refused {
                findings = List.copyOf(findings);
            }
        }

        /** The rules could not be evaluated now; nothing was decided. */
        record Unavailable(String why) implements Verdict {}
    }
}
