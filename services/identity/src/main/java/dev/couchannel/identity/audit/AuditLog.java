package dev.couchannel.identity.audit;

import java.util.List;
import java.util.Optional;

/** The append-only record of security events. */
public interface AuditLog {

    void record(AuditEvent event);

    /** The newest events first, optionally of one type and about one subject. */
    List<AuditEvent> recent(Optional<AuditEvent.Type> type, Optional<String> subject, int limit);
}
