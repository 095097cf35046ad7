package dev.couchannel.notification.realtime;

import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
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
        return realtime.open(Realtime.session(id));
    }
}
