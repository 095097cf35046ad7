package dev.couchannel.identity.users.web;

import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import dev.couchannel.identity.users.application.Registration;
import dev.couchannel.identity.users.application.RoleAdministration;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up as JSON ({@code POST /api/users}), the admin's user list and role administration. */
@RestController
class UsersApi {

    private final Registration registration;
    private final RoleAdministration roles;
    private final Users users;

    UsersApi(Registration registration, RoleAdministration roles, Users users) {
        this.registration = registration;
        this.roles = roles;
        this.users = users;
    }

    record NewUser(@Nullable String email, @Nullable String password) {}

    record RoleChange(@Nullable List<String> roles) {}

    /** An account as the APIs show it. */
    record UserView(UUID id, String email, List<String> roles, boolean emailVerified) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.roleNames(), user.emailVerified());
        }
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView register(@RequestBody NewUser request) {
        return switch (registration.register(request.email(), request.password())) {
            case Registration.Outcome.Registered registered -> UserView.of(registered.user());
            case Registration.Outcome.Invalid invalid ->
                throw ApiProblem.invalidFields(invalid.problems().stream()
                        .map(problem -> new FieldProblem(problem.field(), problem.message()))
                        .toList());
            case Registration.Outcome.Taken taken ->
                throw ApiProblem.conflict(
                        "This e-mail address cannot be registered. If it is yours, sign in or ask for a new verification link.");
        };
    }

    /** Accounts for the admin's user list: the e-mail address contains {@code q}, newest first. */
    @GetMapping("/api/admin/users")
    List<UserView> find(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "50") String limit) {
        int max;
        try {
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 200) {
            throw ApiProblem.badRequest("'limit' must be a whole number from 1 to 200.");
        }
        if (q.length() > 254) {
            throw ApiProblem.badRequest("'q' must be at most 254 characters.");
        }
        return users.find(q.trim(), max).stream().map(UserView::of).toList();
    }

    @PutMapping("/api/admin/users/{id}/roles")
    UserView changeRoles(@PathVariable UUID id, @RequestBody RoleChange request, Principal admin) {
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ApiProblem.badRequest("'roles' must list at least one of guest, host, admin.");
        }
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        for (String name : request.roles()) {
            wanted.add(Role.fromWireName(name)
                    .orElseThrow(
                            () -> ApiProblem.badRequest("Unknown role '" + name + "': use guest, host or admin.")));
        }
        return roles.changeRoles(id, wanted, admin.getName())
                .map(UserView::of)
                .orElseThrow(() -> ApiProblem.notFound("user", id));
    }
}
