package dev.couchannel.notification.inbox;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's in-app notifications; only their own. */
@RestController
@RequestMapping("/api/me/notifications")
class InboxController {

    static final int MAX_SIZE = 100;

    private final InAppInbox inbox;

    InboxController(InAppInbox inbox) {
        this.inbox = inbox;
    }

    record Page(List<InAppInbox.Entry> items, int page, int size, long unread) {}

    @GetMapping
    Page list(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") String unread,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size) {
        Caller caller = Caller.require(request);
        int pageNumber = integer("page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = integer("size", size, 1, MAX_SIZE);
        if (!unread.equals("true") && !unread.equals("false")) {
            throw field("unread", "unread must be true or false.");
        }
        boolean unreadOnly = Boolean.parseBoolean(unread);
        return new Page(
                inbox.list(caller.id(), unreadOnly, pageNumber, pageSize),
                pageNumber,
                pageSize,
                inbox.unread(caller.id()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(HttpServletRequest request, @PathVariable String id) {
        Caller caller = Caller.require(request);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("notification", id);
        }
        if (!inbox.markRead(caller.id(), uuid)) {
            throw ApiProblem.notFound("notification", id);
        }
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(HttpServletRequest request) {
        return Map.of("marked", inbox.markAllRead(Caller.require(request).id()));
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw field(name, name + " must be a whole number from " + min + " to " + max + ".");
    }

    static ApiProblem field(String name, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail, Map.of("field", name));
    }
}
