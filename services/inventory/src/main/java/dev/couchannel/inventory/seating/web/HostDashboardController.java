package dev.couchannel.inventory.seating.web;

import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.SessionStatus;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/hosts/{host}/dashboard}: a host's sessions with seats sold and left, and the value of the seats
 * sold per currency. {@code host} is {@code me} or the host's e-mail; a host sees only their own (403 otherwise),
 * an admin any.
 */
@RestController
class HostDashboardController {

    static final int MAX_SESSIONS = 200;

    private final Sessions sessions;

    HostDashboardController(Sessions sessions) {
        this.sessions = sessions;
    }

    record SessionLine(
            UUID id,
            UUID fixtureId,
            UUID venueId,
            SessionStatus status,
            int seats,
            int seatsSold,
            int seatsHeld,
            int seatsLeft,
            SessionController.MoneyView pricePerSeat) {
        static SessionLine of(ViewingSession session) {
            return new SessionLine(
                    session.id(),
                    session.fixtureId(),
                    session.venueId(),
                    session.status(),
                    session.seats().capacity(),
                    session.seats().sold(),
                    session.seats().held(),
                    session.seats().free(),
                    SessionController.MoneyView.of(session.pricePerSeat()));
        }
    }

    record Dashboard(
            String host,
            int sessions,
            int seatsSold,
            List<SessionController.MoneyView> soldValue,
            List<SessionLine> items) {}

    @GetMapping("/api/hosts/{host}/dashboard")
    Dashboard dashboard(@PathVariable String host, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("read a host dashboard", Caller.HOST, Caller.ADMIN);
        String hostId = "me".equals(host) ? caller.id() : host.toLowerCase(Locale.ROOT);
        if (!hostId.equals(caller.id()) && !caller.isAdmin()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "Forbidden", "A host may read only their own dashboard.", Map.of());
        }
        List<ViewingSession> hosted = sessions.ofHost(hostId, MAX_SESSIONS);
        Map<String, BigDecimal> value = hosted.stream()
                .filter(session -> session.seats().sold() > 0)
                .collect(Collectors.groupingBy(
                        session -> session.pricePerSeat().currency().getCurrencyCode(),
                        java.util.TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, HostDashboardController::soldValue, BigDecimal::add)));
        return new Dashboard(
                hostId,
                hosted.size(),
                hosted.stream().mapToInt(session -> session.seats().sold()).sum(),
                value.entrySet().stream()
                        .map(entry ->
                                new SessionController.MoneyView(entry.getValue().toPlainString(), entry.getKey()))
                        .toList(),
                hosted.stream().map(SessionLine::of).toList());
    }

    private static BigDecimal soldValue(ViewingSession session) {
        Money price = session.pricePerSeat();
        return price.amount().multiply(BigDecimal.valueOf(session.seats().sold()));
    }
}
