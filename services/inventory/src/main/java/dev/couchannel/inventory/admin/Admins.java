package dev.couchannel.inventory.admin;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Who may run inventory's admin endpoints: callers whose access token carries the admin role. */
@Component
public class Admins {

    public boolean includes(Caller caller) {
        return caller.isAdmin();
    }

    /**
     * @param action what only an admin may do, as the end of "Only an admin may ..."
     * @throws ApiProblem 401 without a caller, 403 when the caller is no admin
     */
    public Caller require(HttpServletRequest request, String action) {
        return Caller.require(request).requireRole(action, Caller.ADMIN);
    }
}
