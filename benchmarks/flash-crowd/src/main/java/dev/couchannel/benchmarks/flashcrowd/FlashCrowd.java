package dev.couchannel.benchmarks.flashcrowd;

import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.inventory.catalog.Fixtures;
import dev.couchannel.inventory.seating.Money;
import dev.couchannel.inventory.seating.RefundPolicy;
import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.inventory.seating.Sessions;
import dev.couchannel.inventory.seating.ViewingSession;
import dev.couchannel.launcher.LocalTokens;
import dev.couchannel.launcher.Stack;
import dev.couchannel.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The flash-crowd benchmark (benchmarks/README.md): starts the whole stack on free ports with a
 * fresh data directory, opens one big session, lets a crowd book it through the gateway, checks that
 * nothing was oversold, lost or charged twice, then runs pgbench's bare booking transaction on the
 * same PostgreSQL for as long as the crowd took, and writes the numbers to {@code results/}.
 */
public final class FlashCrowd {

    /** What one run does; every field has a command-line option (see {@link #parse}). */
    record Options(
            int seats,
            int requests,
            int clients,
            int warmup,
            int rounds,
            int pgbenchClients,
            boolean durable,
            boolean floorOnly,
            String label,
            Path results,
            Path pgbench,
            String commit) {}

    /** One measured round. */
    record Round(
            int number,
            Crowd.Result crowd,
            Map<String, Long> outcomes,
            Map<String, Long> reasons,
            double confirmedPerSecond,
            double sellOutSeconds,
            double p50,
            double p99,
            double serverP50,
            double serverP99,
            String checks,
            double[] crowdCpu,
            double[] pgbenchCpu,
            PgBench.Result pgbench,
            Floor floor) {

        double ratio() {
            return confirmedPerSecond / pgbench.tps();
        }

        double cpuMillisPerBooking() {
            long confirmed = outcomes.getOrDefault("CONFIRMED", 0L);
            double seconds = (crowd.finished() - crowd.started()) / 1e9;
            return confirmed == 0
                    ? Double.NaN
                    : crowdCpu[1] * Runtime.getRuntime().availableProcessors() * seconds * 1000 / confirmed;
        }
    }

    /**
     * The cheapest authenticated request a guest can make, measured right after a round: answered
     * requests per second through the gateway and straight to booking, and the stack's CPU
     * milliseconds per request through the gateway. No saga can confirm bookings faster than the
     * gateway answers this.
     */
    record Floor(double throughGateway, double straightToBooking, double cpuMillisThroughGateway) {}

    private FlashCrowd() {}

    public static void main(String[] args) throws Exception {
        quietInfrastructureLogs();
        Options options = parse(args);
        String machine = Machine.describe();
        String loadBefore = Machine.loadAverage();
        Path data = Files.createTempDirectory("flash-crowd-");
        log("data in " + data + "; starting the stack (durable PostgreSQL: " + options.durable() + ")");
        long booting = System.nanoTime();
        Stack stack = Stack.start(StackConfig.forTests(data).fast(!options.durable()));
        List<Round> rounds = new ArrayList<>();
        // Ctrl-C (or kill) still stops PostgreSQL, Kafka and Redis
        Thread stopper = new Thread(stack::close, "flash-crowd-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        String pgbenchVersion;
        try {
            awaitReady(stack.gateway().resolve("/readinessz"), Duration.ofMinutes(3));
            log("stack ready in %.1f s: %s".formatted((System.nanoTime() - booting) / 1e9, stack.serviceUrls()));
            PgBench pgbench =
                    new PgBench(options.pgbench(), stack.infrastructure().postgres());
            pgbenchVersion = pgbench.version();
            Crowd crowd = new Crowd(
                    stack.gateway(), new LocalTokens(stack.serviceUrls().get("identity")), options.clients());
            if (options.floorOnly()) {
                // for profiling the request path alone: no crowd, no pgbench, no results file; a first
                // pass warms the JIT up the way a crowd would
                log("floor only, warming up: " + floor(stack, crowd, 0, options));
                Floor floor = floor(stack, crowd, 0, options);
                log("floor only: " + floor);
            } else {
                UUID venue = crowd.registerVenue();

                if (options.warmup() > 0) {
                    UUID warmup = openSession(stack, venue, options.warmup());
                    log("warm-up: " + options.warmup() + " bookings");
                    Crowd.Result result = crowd.run(warmup, options.warmup(), "warmup");
                    log("warm-up done: " + outcomes(result));
                }
                for (int round = 1; round <= options.rounds(); round++) {
                    rounds.add(round(stack, crowd, pgbench, venue, options, round));
                }
            }
        } finally {
            log("stopping the stack");
            stack.close();
            FileSystemUtils.deleteRecursively(data);
        }
        if (options.floorOnly()) {
            System.exit(0);
        }
        Path file = Report.write(options, machine, loadBefore, Machine.loadAverage(), pgbenchVersion, rounds);
        System.out.println();
        System.out.println(Files.readString(file));
        log("results written to " + file);
        System.exit(0);
    }

    private static Round round(Stack stack, Crowd crowd, PgBench pgbench, UUID venue, Options options, int number)
            throws Exception {
        UUID session = openSession(stack, venue, options.seats());
        log("round %d: %d guests book %d seats (%d requests)"
                .formatted(number, options.clients(), options.seats(), options.requests()));
        Machine.Ticks before = Machine.Ticks.now();
        Crowd.Result result = crowd.run(session, options.requests(), "r" + number + "-fan");
        double[] crowdCpu = before.until(Machine.Ticks.now());
        List<Crowd.Outcome> outcomes = result.outcomes();
        long confirmed = outcomes.stream().filter(Crowd.Outcome::confirmed).count();
        long lastConfirmed = outcomes.stream()
                .filter(Crowd.Outcome::confirmed)
                .mapToLong(Crowd.Outcome::decided)
                .max()
                .orElse(result.started());
        double sellOut = (lastConfirmed - result.started()) / 1e9;
        double elapsed = (result.finished() - result.started()) / 1e9;
        List<Double> times = outcomes.stream()
                .filter(o -> o.confirmed() || o.rejected())
                .map(Crowd.Outcome::millis)
                .sorted()
                .toList();
        log("round %d: %s in %.1f s (%.1f confirmed/s), p50 %.0f ms, p99 %.0f ms"
                .formatted(
                        number,
                        outcomes(result),
                        elapsed,
                        confirmed / elapsed,
                        percentile(times, 0.50),
                        percentile(times, 0.99)));

        String checks = check(stack, session, options.seats(), confirmed);
        log("round %d checks: %s".formatted(number, checks));
        List<Double> server = stack.bean("booking", JdbcClient.class)
                .sql("""
                        SELECT extract(epoch FROM updated_at - created_at) * 1000 FROM bookings
                        WHERE session_id = :session AND status IN ('CONFIRMED', 'REJECTED') ORDER BY 1
                        """)
                .param("session", session)
                .query(Double.class)
                .list();

        int seconds = Math.max(10, (int) Math.ceil(elapsed));
        log("round %d: pgbench, %d clients, %d s".formatted(number, options.pgbenchClients(), seconds));
        Machine.Ticks pgStart = Machine.Ticks.now();
        PgBench.Result pg = pgbench.run(options.pgbenchClients(), seconds);
        double[] pgCpu = pgStart.until(Machine.Ticks.now());
        log("round %d: pgbench %.0f TPS; ratio %.3f".formatted(number, pg.tps(), confirmed / elapsed / pg.tps()));
        Floor floor = floor(stack, crowd, number, options);
        return new Round(
                number,
                result,
                count(outcomes, Crowd.Outcome::status),
                count(outcomes.stream().filter(o -> !o.confirmed()).toList(), Crowd.Outcome::reason),
                confirmed / elapsed,
                sellOut,
                percentile(times, 0.50),
                percentile(times, 0.99),
                percentile(server, 0.50),
                percentile(server, 0.99),
                checks,
                crowdCpu,
                pgCpu,
                pg,
                floor);
    }

    /** {@link Floor}: 10 s through the gateway, then 10 s straight to booking, by this round's guests. */
    private static Floor floor(Stack stack, Crowd crowd, int number, Options options) throws InterruptedException {
        Duration each = Duration.ofSeconds(10);
        String guests = "r" + number + "-fan";
        crowd.signIn(guests, options.clients()); // before the CPU count: signing in is not the floor
        Machine.Ticks before = Machine.Ticks.now();
        double gateway = crowd.floor(stack.gateway(), guests, each);
        double[] cpu = before.until(Machine.Ticks.now());
        double booking = crowd.floor(stack.serviceUrls().get("booking"), guests, each);
        double cpuMillis = cpu[1] * Runtime.getRuntime().availableProcessors() * 1000 / gateway;
        log(
                "round %d floor: GET /api/bookings %.0f/s through the gateway (%.2f ms of stack CPU each), %.0f/s straight to booking"
                        .formatted(number, gateway, cpuMillis, booking));
        return new Floor(gateway, booking, cpuMillis);
    }

    /**
     * The guarantees, checked once the last compensation has settled: seats sold = bookings
     * confirmed = payments captured, nothing left held or authorised, no booking left pending.
     */
    private static String check(Stack stack, UUID session, int seats, long confirmedByClients)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Seats left = stack.bean("inventory", Sessions.class)
                    .find(session)
                    .orElseThrow()
                    .seats();
            Map<String, Long> bookings = stack
                    .bean("booking", JdbcClient.class)
                    .sql("SELECT status, count(*) FROM bookings WHERE session_id = :session GROUP BY status")
                    .param("session", session)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<String, Long> payments = stack
                    .bean("payment", JdbcClient.class)
                    .sql("SELECT status, count(*) FROM payment_intents WHERE session_id = :session GROUP BY status")
                    .param("session", session.toString())
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            long confirmed = bookings.getOrDefault("CONFIRMED", 0L);
            long captured = payments.getOrDefault("CAPTURED", 0L);
            boolean settled = left.held() == 0
                    && bookings.getOrDefault("PENDING", 0L) == 0
                    && payments.getOrDefault("AUTHORIZED", 0L) == 0
                    && payments.getOrDefault("PENDING", 0L) == 0;
            last = "seats %s; bookings %s; payments %s".formatted(left, bookings, payments);
            if (settled) {
                boolean ok = left.sold() == confirmed
                        && confirmed == captured
                        && confirmed == confirmedByClients
                        && left.sold() <= seats;
                return (ok ? "OK: " : "FAILED: ") + last;
            }
            Thread.sleep(500);
        }
        return "FAILED (did not settle in 90 s): " + last;
    }

    private static UUID openSession(Stack stack, UUID venue, int seats) {
        UUID fixtureId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        stack.bean("inventory", TransactionTemplate.class).executeWithoutResult(status -> {
            stack.bean("inventory", Fixtures.class)
                    .add(new Fixture(
                            fixtureId,
                            "Ekstraklasa",
                            "Legia Warszawa",
                            "Lech Poznań",
                            Instant.now().plus(Duration.ofHours(2)),
                            "PL",
                            null));
            stack.bean("inventory", Sessions.class)
                    .add(ViewingSession.publish(
                            sessionId,
                            fixtureId,
                            venue,
                            "host@example.com",
                            seats,
                            Money.of("40.00", "PLN"),
                            RefundPolicy.FLEXIBLE,
                            "Flash crowd: the derby's kickoff"));
        });
        return sessionId;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String outcomes(Crowd.Result result) {
        return count(result.outcomes(), Crowd.Outcome::status).toString();
    }

    private static Map<String, Long> count(
            List<Crowd.Outcome> outcomes, java.util.function.Function<Crowd.Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static void awaitReady(URI url, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer =
                        http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the stack did not get ready: " + url + " answered " + last);
    }

    static Options parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name + " (options are --name value)");
            }
            if (name.equals("--fast") || name.equals("--floor-only")) {
                given.put(name.substring(2), "true");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            given.put(name.substring(2), args[++i]);
        }
        int seats = Integer.parseInt(given.getOrDefault("seats", "2000"));
        if (seats < 1 || seats > 2000) {
            // the venue's capacity and the commercial licence's attendee cap are 2,000
            throw new IllegalArgumentException("--seats must be 1..2000, not " + seats);
        }
        Options options = new Options(
                seats,
                Integer.parseInt(given.getOrDefault("requests", Integer.toString(seats + seats / 5))),
                Integer.parseInt(given.getOrDefault("clients", "64")),
                Integer.parseInt(given.getOrDefault("warmup", "300")),
                Integer.parseInt(given.getOrDefault("rounds", "2")),
                Integer.parseInt(given.getOrDefault("pgbench-clients", "8")),
                !given.containsKey("fast"),
                given.containsKey("floor-only"),
                given.getOrDefault("label", "run"),
                Path.of(given.getOrDefault("results", "benchmarks/flash-crowd/results")),
                Path.of(given.getOrDefault("pgbench", "/usr/bin/pgbench")),
                given.getOrDefault("commit", "unknown"));
        Map<String, String> known = new LinkedHashMap<>(given);
        List.of(
                        "seats",
                        "requests",
                        "clients",
                        "warmup",
                        "rounds",
                        "pgbench-clients",
                        "fast",
                        "floor-only",
                        "label",
                        "results",
                        "pgbench",
                        "commit")
                .forEach(known::remove);
        if (!known.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + known.keySet());
        }
        if (!options.label().matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--label may use letters, digits, '.', '_' and '-' only");
        }
        return options;
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    static void log(String message) {
        System.out.println("flash-crowd: " + message);
    }

    private static void quietInfrastructureLogs() {
        for (String name :
                new String[] {"org.apache.kafka", "kafka", "state.change.logger", "io.zonky", "org.eclipse.jetty"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
