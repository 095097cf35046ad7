package dev.couchannel.inventory.demo;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.inventory.seating.application.SessionEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a demo calendar (fixtures over the coming weeks in several competitions and territories)
 * and published sessions, once: only into an empty database, so a second start keeps what users
 * did. Enabled by {@code couchannel.demo.enabled} (the launcher sets it).
 */
@Component
@ConditionalOnBooleanProperty("couchannel.demo.enabled")
class DemoCalendar implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCalendar.class);

    /** The demo host of {@code host@example.com}'s venues until the hosting service owns them. */
    static final String DEMO_HOST = "host@example.com";

    private final Fixtures fixtures;
    private final Sessions sessions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SessionEvents events;

    DemoCalendar(
            Fixtures fixtures, Sessions sessions, TransactionTemplate transactions, Clock clock, SessionEvents events) {
        this.fixtures = fixtures;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    private record Match(String competition, String home, String away, Duration fromNow, String territory, String tv) {}

    private record Offer(
            int match, String venue, int seats, String price, String currency, RefundPolicy policy, String text) {}

    private static final List<Match> MATCHES = List.of(
            new Match("Premier League", "Arsenal", "Chelsea", Duration.ofHours(30), "GB", "Sky Sports"),
            new Match(
                    "Premier League",
                    "Liverpool",
                    "Manchester City",
                    Duration.ofDays(3).plusHours(4),
                    "GB",
                    "TNT Sports"),
            new Match("Ekstraklasa", "Legia Warszawa", "Lech Poznań", Duration.ofHours(28), "PL", "Canal+ Sport"),
            new Match(
                    "Ekstraklasa",
                    "Raków Częstochowa",
                    "Jagiellonia Białystok",
                    Duration.ofDays(6),
                    "PL",
                    "Canal+ Sport"),
            new Match(
                    "UEFA Champions League",
                    "Real Madrid",
                    "Bayern München",
                    Duration.ofDays(4).plusHours(8),
                    "PL",
                    "Canal+ Sport"),
            new Match(
                    "UEFA Champions League",
                    "Real Madrid",
                    "Bayern München",
                    Duration.ofDays(4).plusHours(8),
                    "DE",
                    "DAZN"),
            new Match(
                    "Bundesliga",
                    "Borussia Dortmund",
                    "RB Leipzig",
                    Duration.ofDays(5).plusHours(2),
                    "DE",
                    "Sky Deutschland"),
            new Match(
                    "NBA",
                    "Los Angeles Lakers",
                    "Boston Celtics",
                    Duration.ofDays(8).plusHours(11),
                    "US",
                    "ESPN"),
            new Match(
                    "Premier League", "Tottenham Hotspur", "Newcastle United", Duration.ofDays(10), "GB", "Sky Sports"),
            new Match("Ekstraklasa", "Wisła Płock", "Pogoń Szczecin", Duration.ofDays(13), "PL", "Canal+ Sport"));

    private static final List<Offer> OFFERS = List.of(
            new Offer(
                    0,
                    "london-flat",
                    8,
                    "12.00",
                    "GBP",
                    RefundPolicy.FLEXIBLE,
                    "Big sofa, 65\" screen, homemade chili."),
            new Offer(
                    0, "camden-club-room", 40, "8.50", "GBP", RefundPolicy.MODERATE, "Club room with two projectors."),
            new Offer(
                    1, "manchester-terrace", 12, "15.00", "GBP", RefundPolicy.STRICT, "Terrace house, pies and pints."),
            new Offer(
                    2,
                    "warsaw-mokotow-flat",
                    6,
                    "45.00",
                    "PLN",
                    RefundPolicy.FLEXIBLE,
                    "Salon na Mokotowie, pizza w cenie."),
            new Offer(
                    2,
                    "warsaw-praga-bar",
                    30,
                    "25.00",
                    "PLN",
                    RefundPolicy.MODERATE,
                    "Bar na Pradze, licencja komercyjna."),
            new Offer(3, "krakow-kazimierz-loft", 10, "40.00", "PLN", RefundPolicy.FLEXIBLE, "Loft na Kazimierzu."),
            new Offer(
                    4,
                    "warsaw-mokotow-flat",
                    6,
                    "55.00",
                    "PLN",
                    RefundPolicy.MODERATE,
                    "Champions League night, snacks included."),
            new Offer(
                    5,
                    "berlin-kreuzberg-wg",
                    10,
                    "9.00",
                    "EUR",
                    RefundPolicy.FLEXIBLE,
                    "WG living room, Beamer, Brezeln."),
            new Offer(
                    6,
                    "berlin-kreuzberg-wg",
                    10,
                    "9.00",
                    "EUR",
                    RefundPolicy.FLEXIBLE,
                    "Derby-Stimmung im Wohnzimmer."),
            new Offer(
                    7,
                    "brooklyn-loft",
                    16,
                    "20.00",
                    "USD",
                    RefundPolicy.MODERATE,
                    "Loft with a 85\" screen and wings."),
            new Offer(8, "london-flat", 8, "12.00", "GBP", RefundPolicy.FLEXIBLE, "Sunday football, roast included."),
            new Offer(
                    9, "gdansk-oliwa-house", 10, "35.00", "PLN", RefundPolicy.STRICT, "Dom w Oliwie, grill w cenie."));

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (!fixtures.isEmpty()) {
                return;
            }
            Instant base = clock.instant().truncatedTo(ChronoUnit.HOURS);
            List<Fixture> added = new java.util.ArrayList<>();
            for (int i = 0; i < MATCHES.size(); i++) {
                Match m = MATCHES.get(i);
                Fixture fixture = new Fixture(
                        demoId("fixture", i),
                        m.competition(),
                        m.home(),
                        m.away(),
                        base.plus(m.fromNow()),
                        m.territory(),
                        m.tv());
                fixtures.add(fixture);
                added.add(fixture);
            }
            for (int i = 0; i < OFFERS.size(); i++) {
                Offer o = OFFERS.get(i);
                ViewingSession session = ViewingSession.publish(
                        demoId("session", i),
                        demoId("fixture", o.match()),
                        demoId("venue:" + o.venue(), 0),
                        DEMO_HOST,
                        o.seats(),
                        Money.of(o.price(), o.currency()),
                        o.policy(),
                        o.text());
                sessions.add(session);
                // published like any session, so read models (search) learn about the demo catalogue
                events.published(session, added.get(o.match()), clock.instant());
            }
            log.info("loaded demo data: {} fixtures, {} sessions", MATCHES.size(), OFFERS.size());
        });
    }

    /** Stable ids, so demo links and tests survive a restart. */
    static UUID demoId(String kind, int index) {
        return UUID.nameUUIDFromBytes(("couchannel-demo:" + kind + ":" + index).getBytes(StandardCharsets.UTF_8));
    }
}
