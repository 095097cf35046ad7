package dev.couchannel.identity.users.application;

import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Changing what a user may do; every change is audited. */
@Service
public class RoleAdministration {

    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    public RoleAdministration(Users users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user with the new roles, or empty when there is no such user. */
    public Optional<User> changeRoles(UUID userId, Set<Role> roles, String actor) {
        return users.byId(userId).map(user -> changeRoles(user, roles, actor));
    }

    public User changeRoles(User user, Set<Role> roles, String actor) {
        if (user.roles().equals(roles)) {
            return user;
        }
        User changed = user.withRoles(roles);
        users.save(changed);
        audit.record(AuditEvent.of(
                clock.instant(),
                AuditEvent.Type.ROLES_CHANGED,
                actor,
                user.email(),
                Map.of("userId", user.id().toString(), "from", user.roleNames(), "to", changed.roleNames())));
        return changed;
    }
}
