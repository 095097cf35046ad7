package dev.couchannel.benchmarks.search;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.hosting.v1.StreamingPackage;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.platform.embedded.EmbeddedInfrastructure;
import dev.couchannel.platform.embedded.OpenSearchNode;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.search.SearchApplication;
import dev.couchannel.search.catalog.SessionQuery;
import dev.couchannel.search.catalog.SortOrder;
import dev.couchannel.search.opensearch.SessionSearch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two benchmarks of the search read model, in one run (see benchmarks/README.md):
 *
 * <ol>
 *   <li>freshness: availability updates at a steady rate; for each, the time from handing it to Kafka until a search
 *       through {@code GET /api/search/sessions} shows it (p50/p99), plus the service's own {@code search.freshness};
 *   <li>latency: on a catalogue of N sessions, the same queries through {@code GET /api/search/sessions} and raw to
 *       OpenSearch (the exact body the service sends), alternating; the ratio raw/ours.
 * </ol>
 */
public final class SearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The service's {@code couchannel.search.refresh-interval}, for the report. */
    private static String refreshInterval = "?";
    /**
     * Rounds of each query, both ways, before the latency is measured: the service's request path (Tomcat, Spring MVC,
     * Jackson both ways) runs in interpreted and C1 code for its first few thousand requests, which measured the JIT
     * rather than the service (on 20,000 sessions, 50 rounds gave ratios of 0.70–0.77 on the build that gives 0.76–0.79 after 1,000).
     */
    private static final int WARMUPS = 1_000;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String[] TEAMS = {
        "Arsenal",
        "Chelsea",
        "Liverpool",
        "Everton",
        "Tottenham",
        "Manchester City",
        "Manchester United",
        "Newcastle",
        "Aston Villa",
        "Brighton",
        "West Ham",
        "Fulham",
        "Brentford",
        "Wolves",
        "Crystal Palace",
        "Nottingham Forest",
        "Bournemouth",
        "Leeds United",
        "Sunderland",
        "Burnley",
        "Legia Warszawa",
        "Lech Poznan",
        "Wisla Krakow",
        "Rakow",
        "Real Madrid",
        "Barcelona",
        "Atletico",
        "Sevilla",
        "Bayern",
        "Dortmund"
    };
    private static final String[] COMPETITIONS = {
        "Premier League",
        "Championship",
        "FA Cup",
        "Ekstraklasa",
        "La Liga",
        "Bundesliga",
        "Champions League",
        "Europa League"
    };
    private static final Object[][] CITIES = {
        {"London", 51.5074, -0.1278}, {"Manchester", 53.4808, -2.2426}, {"Liverpool", 53.4084, -2.9916},
        {"Birmingham", 52.4862, -1.8904}, {"Leeds", 53.8008, -1.5491}, {"Warsaw", 52.2297, 21.0122},
        {"Krakow", 50.0647, 19.9450}, {"Madrid", 40.4168, -3.7038}, {"Munich", 48.1351, 11.5820},
        {"Glasgow", 55.8642, -4.2518}
    };

    private record Options(
            String label,
            String commit,
            Path results,
            int rate,
            int seconds,
            int warmup,
            int freshSessions,
            int sessions,
            int queries) {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        String loadBefore = loadAverage();
        log("starting Kafka (embedded), OpenSearch (child JVM, 1 GB heap) and the search service");
        EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(EmbeddedInfrastructure.Settings.forTests());
        OpenSearchNode node = OpenSearchNode.start(null, 0, "1g");
        ConfigurableApplicationContext search = SearchApplication.start(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--COUCHANNEL_LOG_FORMAT=plain",
                "--logging.level.root=WARN",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "--couchannel.search.opensearch.url=" + node.url());
        int port = ((WebServerApplicationContext) search).getWebServer().getPort();
        refreshInterval = search.getEnvironment().getProperty("couchannel.search.refresh-interval", "1s");
        String api = "http://127.0.0.1:" + port + "/api/search/sessions";
        StringBuilder report = new StringBuilder();
        try (KafkaProducer<String, byte[]> producer =
                producer(infrastructure.kafka().bootstrapServers())) {
            String freshness = freshness(options, producer, api, search.getBean(MeterRegistry.class));
            String latency = latency(options, producer, api, node.url());
            report.append(header(options, loadBefore)).append(freshness).append(latency);
        } finally {
            search.close();
            node.close();
            infrastructure.close();
        }
        Files.createDirectories(options.results());
        Path file = options.results().resolve(LocalDate.now() + "-" + options.label() + ".md");
        Files.writeString(file, report.toString());
        log("results in " + file);
        System.out.println(report);
        System.exit(0);
    }

    // ---------------------------------------------------------------- freshness

    private record Pending(String session, int seatsFree, long sentNanos) {}

    private static String freshness(
            Options options, KafkaProducer<String, byte[]> producer, String api, MeterRegistry meters)
            throws Exception {
        String competition = "Freshness " + UUID.randomUUID().toString().substring(0, 6);
        String venue = registerVenue(producer, "London", 51.5074, -0.1278, "COMMERCIAL", 0);
        Instant kickoff = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < options.freshSessions(); i++) {
            String id = UUID.randomUUID().toString();
            sessions.add(id);
            publish(producer, id, venue, competition, "Home " + i, "Away " + i, kickoff.plusSeconds(i), 2000, "10.00");
        }
        producer.flush();
        Map<String, String> all = Map.of(
                "competition",
                competition,
                "size",
                "100",
                "from",
                kickoff.minusSeconds(60).toString());
        awaitTotal(api, all, options.freshSessions(), Duration.ofMinutes(2));
        log("freshness: " + options.freshSessions() + " sessions indexed; " + options.rate() + " updates/s for "
                + options.seconds() + " s");

        Map<String, ConcurrentLinkedQueue<Pending>> pending = new ConcurrentHashMap<>();
        sessions.forEach(s -> pending.put(s, new ConcurrentLinkedQueue<>()));
        // {sent, latency} in nanos: the warm-up's updates are tracked like the others but left out of the figures
        List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        int pages = (options.freshSessions() + 99) / 100;
        long[] polls = {0};
        Thread poller = Thread.ofPlatform().name("freshness-poller").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (int page = 0; page < pages; page++) {
                        Map<String, String> parameters = new LinkedHashMap<>(all);
                        parameters.put("page", Integer.toString(page));
                        JsonNode found = get(api, parameters);
                        long seen = System.nanoTime();
                        polls[0]++;
                        for (JsonNode item : found.path("items")) {
                            ConcurrentLinkedQueue<Pending> queue =
                                    pending.get(item.path("sessionId").asString());
                            int shown = item.path("seatsLeft").asInt();
                            while (queue != null
                                    && !queue.isEmpty()
                                    && queue.peek().seatsFree() >= shown) {
                                Pending done = queue.poll();
                                latencies.add(new long[] {done.sentNanos(), seen - done.sentNanos()});
                            }
                        }
                    }
                } catch (IOException e) {
                    log("poll failed: " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long warmup = (long) options.rate() * options.warmup();
        long total = warmup + (long) options.rate() * options.seconds();
        long interval = 1_000_000_000L / options.rate();
        long start = System.nanoTime();
        long measuredFrom = start + warmup * interval;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String session = sessions.get((int) (i % sessions.size()));
            int free = 2000 - 1 - (int) (i / sessions.size());
            pending.get(session).add(new Pending(session, free, System.nanoTime()));
            send(
                    producer,
                    Topics.INVENTORY_EVENTS,
                    session,
                    SeatAvailabilityChanged.newBuilder()
                            .setSessionId(session)
                            .setCapacity(2000)
                            .setSeatsFree(free)
                            .setSeatsSold(2000 - free)
                            .setAt(timestamp(Instant.now()))
                            .build());
        }
        double achievedRate = total / ((System.nanoTime() - start) / 1e9);
        long measuredSent = total - warmup;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pending.values().stream().anyMatch(q -> !q.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50); // benchmark driver, not a test: waiting for the poller to see the last updates
        }
        poller.interrupt();
        poller.join();
        long unseen =
                pending.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
        List<long[]> seen;
        synchronized (latencies) {
            seen = List.copyOf(latencies);
        }
        long[] sorted = seen.stream()
                .filter(l -> l[0] >= measuredFrom)
                .mapToLong(l -> l[1])
                .sorted()
                .toArray();
        long[] withWarmup = seen.stream().mapToLong(l -> l[1]).sorted().toArray();
        String windows = windows(seen, start, interval * options.rate() * 5L);
        Timer server = meters.find("search.freshness").timer();
        String serverPercentiles = server == null
                ? "n/a"
                : Arrays.stream(server.takeSnapshot().percentileValues())
                        .map(v -> "p" + Math.round(v.percentile() * 100) + " "
                                + ms(v.value(java.util.concurrent.TimeUnit.NANOSECONDS)))
                        .collect(Collectors.joining(", "));
        double p99 = percentile(sorted, 0.99) / 1e6;
        return """
                ## 1. Freshness under %d availability updates/s

                `SeatAvailabilityChanged` for %d sessions (round robin), %d s measured after a warm-up of %d s at the
                same rate (the service's first seconds: JIT, connection pools), sent with the Kafka producer (linger 0,
                acks=all) as fast as scheduled; a poller pages through `GET /api/search/sessions` for these sessions
                (%d pages per round, %d polls in all) and stamps each update when a search first shows its `seatsLeft`
                (or a newer one). Latency = that stamp − the moment the update was handed to the producer, so it
                includes Kafka, the consumer's poll, the `_bulk` write, the index refresh (every %s) and up to one poll
                round.

                | what | value |
                |---|---|
                | updates sent | %d (achieved %.1f/s) |
                | updates seen | %d (unseen after 60 s: %d) |
                | p50 event → searchable | %.0f ms |
                | p90 | %.0f ms |
                | **p99** (target < 1 000 ms) | **%.0f ms** — %s |
                | max | %.0f ms |
                | p99 including the warm-up | %.0f ms |
                | service's `search.freshness` (event time → written, no refresh; warm-up included) | %s |

                p99 per 5 s of sending (warm-up first): %s

                """.formatted(
                        options.rate(),
                        options.freshSessions(),
                        options.seconds(),
                        options.warmup(),
                        pages,
                        polls[0],
                        refreshInterval,
                        measuredSent,
                        achievedRate,
                        sorted.length,
                        unseen,
                        percentile(sorted, 0.50) / 1e6,
                        percentile(sorted, 0.90) / 1e6,
                        p99,
                        p99 < 1000 ? "met" : "missed",
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                        percentile(withWarmup, 0.99) / 1e6,
                        serverPercentiles,
                        windows);
    }

    /** The p99 of the updates sent in each window of {@code width} nanos from {@code start}, e.g. "820, 640 ms". */
    private static String windows(List<long[]> seen, long start, long width) {
        Map<Long, List<Long>> byWindow = new java.util.TreeMap<>();
        for (long[] l : seen) {
            byWindow.computeIfAbsent((l[0] - start) / width, w -> new ArrayList<>())
                    .add(l[1]);
        }
        return byWindow.values().stream()
                        .map(values -> String.format(
                                Locale.ROOT,
                                "%.0f",
                                percentile(
                                                values.stream()
                                                        .mapToLong(Long::longValue)
                                                        .sorted()
                                                        .toArray(),
                                                0.99)
                                        / 1e6))
                        .collect(Collectors.joining(", "))
                + " ms";
    }

    // ---------------------------------------------------------------- latency

    private record Query(String name, Map<String, String> parameters, SessionQuery query) {}

    private static String latency(
            Options options, KafkaProducer<String, byte[]> producer, String api, String openSearch) throws Exception {
        Random random = new Random(42);
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Object[] city = CITIES[i % CITIES.length];
            venues.add(registerVenue(
                    producer,
                    (String) city[0],
                    (double) city[1] + (random.nextDouble() - 0.5) * 0.2,
                    (double) city[2] + (random.nextDouble() - 0.5) * 0.3,
                    i % 3 == 0 ? "HOME" : "COMMERCIAL",
                    i));
        }
        producer.flush();
        long loading = System.nanoTime();
        for (int i = 0; i < options.sessions(); i++) {
            String home = TEAMS[random.nextInt(TEAMS.length)];
            String away = TEAMS[random.nextInt(TEAMS.length)];
            publish(
                    producer,
                    UUID.randomUUID().toString(),
                    venues.get(random.nextInt(venues.size())),
                    COMPETITIONS[random.nextInt(COMPETITIONS.length)],
                    home,
                    away,
                    from.plus(random.nextInt(60 * 24 * 60), ChronoUnit.MINUTES),
                    4 + random.nextInt(60),
                    (5 + random.nextInt(36)) + ".00");
        }
        producer.flush();
        Map<String, String> everything = Map.of("from", from.toString(), "size", "1");
        long indexed = awaitTotal(api, everything, options.sessions(), Duration.ofMinutes(20));
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        log("latency: " + indexed + " sessions indexed in " + Math.round(loadSeconds) + " s");

        List<Query> queries = List.of(
                query("full text, typo", from, Map.of("q", "Arsenl Chelsae")),
                query(
                        "text + geo 25 km + distance sort",
                        from,
                        Map.of(
                                "q",
                                "Liverpool",
                                "lat",
                                "51.5074",
                                "lon",
                                "-0.1278",
                                "radiusKm",
                                "25",
                                "sort",
                                "distance")),
                query(
                        "filters + price sort",
                        from,
                        Map.of(
                                "competition",
                                "Premier League",
                                "minSeats",
                                "10",
                                "maxPrice",
                                "20",
                                "venueType",
                                "COMMERCIAL",
                                "to",
                                from.plus(30, ChronoUnit.DAYS).toString(),
                                "sort",
                                "price")),
                query("browse: facets, kickoff sort, page 3", from, Map.of("page", "3", "size", "20")));
        StringBuilder table = new StringBuilder();
        table.append("""
                ## 2. Query latency on %,d sessions: ours vs raw OpenSearch

                %d venues in 10 cities, %,d sessions (8 competitions, 30 teams, 60 days) loaded through Kafka into
                the read model (%.0f s, %.0f sessions/s through the projection). Each query runs %d times through
                `GET /api/search/sessions` and %d times raw (the very request the service sends to OpenSearch:
                `SessionSearch.path` and `SessionSearch.body`), alternating, one at a time, after %,d warm-ups each; both over
                HTTP/1.1 from this JVM. Ratio = raw ÷ ours (1.0 = no overhead; target ≥ 0.8).

                | query | hits | ours p50 | ours p99 | raw p50 | raw p99 | ratio p50 | ratio mean |
                |---|---|---|---|---|---|---|---|
                """.formatted(
                        indexed,
                        500,
                        indexed,
                        loadSeconds,
                        indexed / loadSeconds,
                        options.queries(),
                        options.queries(),
                        WARMUPS));
        double ratioSum = 0;
        for (Query query : queries) {
            String rawBody = JSON.writeValueAsString(SessionSearch.body(query.query()));
            URI raw = URI.create(openSearch + SessionSearch.path("sessions"));
            for (int i = 0; i < WARMUPS; i++) {
                get(api, query.parameters());
                post(raw, rawBody);
            }
            long[] ours = new long[options.queries()];
            long[] theirs = new long[options.queries()];
            long hits = get(api, query.parameters()).path("total").asLong();
            for (int i = 0; i < options.queries(); i++) {
                long t0 = System.nanoTime();
                get(api, query.parameters());
                long t1 = System.nanoTime();
                post(raw, rawBody);
                long t2 = System.nanoTime();
                ours[i] = t1 - t0;
                theirs[i] = t2 - t1;
            }
            Arrays.sort(ours);
            Arrays.sort(theirs);
            double ratioP50 = percentile(theirs, 0.5) / percentile(ours, 0.5);
            double ratioMean = Arrays.stream(theirs).average().orElse(0)
                    / Arrays.stream(ours).average().orElse(1);
            ratioSum += ratioP50;
            table.append("| %s | %,d | %s | %s | %s | %s | %.2f | %.2f |\n"
                    .formatted(
                            query.name(),
                            hits,
                            ms(percentile(ours, 0.5)),
                            ms(percentile(ours, 0.99)),
                            ms(percentile(theirs, 0.5)),
                            ms(percentile(theirs, 0.99)),
                            ratioP50,
                            ratioMean));
        }
        double meanRatio = ratioSum / queries.size();
        table.append("\n**Mean p50 ratio raw/ours: %.2f** (target ≥ 0.8: %s)\n\n"
                .formatted(meanRatio, meanRatio >= 0.8 ? "met" : "missed"));
        return table.toString();
    }

    private static Query query(String name, Instant from, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("from", from.toString());
        String text = all.get("q");
        SessionQuery.Circle circle = all.containsKey("lat")
                ? new SessionQuery.Circle(
                        Double.parseDouble(all.get("lat")),
                        Double.parseDouble(all.get("lon")),
                        Double.parseDouble(all.get("radiusKm")))
                : null;
        SortOrder sort = all.containsKey("sort")
                ? SortOrder.valueOf(all.get("sort").toUpperCase(Locale.ROOT))
                : text != null ? SortOrder.RELEVANCE : SortOrder.KICKOFF;
        SessionQuery query = new SessionQuery(
                text,
                circle,
                all.get("competition"),
                null,
                from,
                all.containsKey("to") ? Instant.parse(all.get("to")) : null,
                all.containsKey("minSeats") ? Integer.parseInt(all.get("minSeats")) : null,
                all.containsKey("maxPrice") ? new BigDecimal(all.get("maxPrice")) : null,
                all.get("venueType"),
                null,
                null,
                sort,
                Integer.parseInt(all.getOrDefault("page", "0")),
                Integer.parseInt(all.getOrDefault("size", "20")));
        return new Query(name, all, query);
    }

    // ---------------------------------------------------------------- events

    private static String registerVenue(
            KafkaProducer<String, byte[]> producer, String city, double lat, double lon, String type, int n) {
        String id = UUID.randomUUID().toString();
        send(
                producer,
                Topics.HOSTING_EVENTS,
                id,
                VenueRegistered.newBuilder()
                        .setVenue(Venue.newBuilder()
                                .setId(id)
                                .setHostId("host" + n + "@example.com")
                                .setName((type.equals("HOME") ? "Living room " : "Club room ") + n + " " + city)
                                .setType(type)
                                .setAddress(n + " Some Street")
                                .setCity(city)
                                .setCountry("GB")
                                .setLat(lat)
                                .setLon(lon)
                                .setCapacity(80)
                                .setScreens(1)
                                .setLargestScreenInches(65)
                                .setSpeakers(2)
                                .addPackages(StreamingPackage.newBuilder()
                                        .setProvider("Sky")
                                        .setLicence(type.equals("HOME") ? "RESIDENTIAL" : "COMMERCIAL")
                                        .setCountry("GB"))
                                .setVersion(1))
                        .setAt(timestamp(Instant.now()))
                        .build());
        return id;
    }

    private static void publish(
            KafkaProducer<String, byte[]> producer,
            String id,
            String venue,
            String competition,
            String home,
            String away,
            Instant kickoff,
            int capacity,
            String price) {
        send(
                producer,
                Topics.INVENTORY_EVENTS,
                id,
                SessionPublished.newBuilder()
                        .setSessionId(id)
                        .setVenueId(venue)
                        .setHostId("host@example.com")
                        .setFixtureId(UUID.randomUUID().toString())
                        .setCapacity(capacity)
                        .setPricePerSeat(Money.newBuilder().setAmount(price).setCurrency("GBP"))
                        .setRefundPolicy("FLEXIBLE")
                        .setKickoff(timestamp(kickoff))
                        .setCompetition(competition)
                        .setHomeTeam(home)
                        .setAwayTeam(away)
                        .setTerritory("GB")
                        .setAt(timestamp(Instant.now()))
                        .build());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, Message message) {
        producer.send(KafkaCloudEvents.toRecord(topic, ProtobufEvents.wrap("benchmark", key, message, Instant.now())));
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    // ---------------------------------------------------------------- plumbing

    private static long awaitTotal(String api, Map<String, String> parameters, long expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = get(api, parameters).path("total").asLong();
            if (total >= expected) {
                return total;
            }
            Thread.sleep(500); // benchmark driver: polling the read model while it fills
        }
        throw new IllegalStateException("only " + total + " of " + expected + " sessions indexed within " + timeout);
    }

    private static JsonNode get(String api, Map<String, String> parameters) throws IOException, InterruptedException {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("search answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void post(URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("OpenSearch answered " + response.statusCode() + ": " + response.body());
        }
        JSON.readTree(response.body()); // parse as the service does, so both sides pay for the JSON
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String header(Options options, String loadBefore) {
        Runtime runtime = Runtime.getRuntime();
        return """
                # Search benchmarks — %s

                - commit `%s`, %s
                - machine: %d cores, %d GB RAM (shared with other builds), load average before: %s
                - one JVM: embedded KRaft Kafka + the search service; OpenSearch 3.3.2 single node in a child JVM (1 GB
                  heap), index refresh interval %s
                - command: `benchmarks/search/run --label %s --rate %d --seconds %d --warmup %d --sessions %d --queries %d`

                """.formatted(
                        options.label(),
                        options.commit(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        runtime.availableProcessors(),
                        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                        .getTotalMemorySize()
                                / (1L << 30),
                        loadBefore,
                        refreshInterval,
                        options.label(),
                        options.rate(),
                        options.seconds(),
                        options.warmup(),
                        options.sessions(),
                        options.queries());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return new Options(
                values.getOrDefault("label", "run"),
                values.getOrDefault("commit", "unknown"),
                Path.of(values.getOrDefault("results", "benchmarks/search/results")),
                Integer.parseInt(values.getOrDefault("rate", "200")),
                Integer.parseInt(values.getOrDefault("seconds", "30")),
                Integer.parseInt(values.getOrDefault("warmup", "30")),
                Integer.parseInt(values.getOrDefault("fresh-sessions", "200")),
                Integer.parseInt(values.getOrDefault("sessions", "100000")),
                Integer.parseInt(values.getOrDefault("queries", "300")));
    }

    private static void log(String message) {
        System.err.println("search-benchmark: " + message);
    }
}
