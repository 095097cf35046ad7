package dev.couchannel.identity.users.application;

import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo accounts the other services' demo data refers to (hosting's and inventory's venues
 * belong to {@code host@example.com}), verified, password {@value #PASSWORD}. Idempotent: an
 * existing account is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("couchannel.demo.enabled")
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "couchannel";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final Users users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoUsers(Users users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    static Map<String, Set<Role>> accounts() {
        Map<String, Set<Role>> accounts = new LinkedHashMap<>();
        accounts.put("guest@example.com", Set.of(Role.GUEST));
        accounts.put("guest2@example.com", Set.of(Role.GUEST));
        accounts.put("host@example.com", Set.of(Role.GUEST, Role.HOST));
        accounts.put("admin@example.com", Set.of(Role.ADMIN));
        return accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = 0;
        for (Map.Entry<String, Set<Role>> account : accounts().entrySet()) {
            if (users.byEmail(account.getKey()).isPresent()) {
                continue;
            }
            User user = User.register(account.getKey(), passwords.encode(PASSWORD), account.getValue(), clock.instant())
                    .verified();
            if (users.add(user)) {
                added++;
            }
        }
        log.info("demo users: {} added, {} in all", added, accounts().size());
    }
}
