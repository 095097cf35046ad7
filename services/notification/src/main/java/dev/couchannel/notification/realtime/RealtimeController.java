package dev.couchannel.notification.realtime;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent event streams: the caller's booking status changes, and a session's seats left. */
@RestController
class RealtimeController {

    private final Realtime realtime;

    RealtimeController(Realtime realtime) {
        this.realtime = realtime;
    }

    @GetMapping(path = "/api/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter mine(HttpServletRequest request) {
        return realtime.open(Realtime.user(Caller.require(request).id()));
    }

    @GetMapping(path = "/api/sessions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter session(@PathVariable String id) {
        try {
            return realtime.open(Realtime.session(UUID.fromString(id).toString()));
        } catch (IllegalArgumentException notAnId) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    "The session id must be a UUID, e.g. 29b80970-8797-31c3-a4a5-dd53ef0cd636.",
                    Map.of("field", "id"));
        }
    }
}
