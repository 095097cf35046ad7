package dev.couchannel.inventory.admin;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who may run inventory's admin endpoints ({@code couchannel.inventory.admins}), until identity's admin role arrives. */
@Component
public class Admins {

    private final Set<String> ids;

    Admins(@Value("${couchannel.inventory.admins:admin@example.com}") Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    public boolean includes(Caller caller) {
        return ids.contains(caller.id());
    }

    /**
     * @param action what only an admin may do, as the end of "Only an admin may ..."
     * @throws ApiProblem 401 without a caller, 403 when the caller is no admin
     */
    public Caller require(HttpServletRequest request, String action) {
        Caller caller = Caller.require(request);
        if (!includes(caller)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin may " + action + ".", Map.of());
        }
        return caller;
    }
}
