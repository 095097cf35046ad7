package dev.couchannel.benchmarks.flashcrowd;

import dev.couchannel.launcher.LocalTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crowd: {@code clients} guests at once, each booking one seat through the gateway, waiting for
 * the decision ({@code Prefer: wait}, then polling), and taking the next request as soon as it has
 * one, until {@code requests} have been sent. A closed loop: at most {@code clients} bookings are
 * in flight.
 */
final class Crowd {

    /** Below the gateway's request timeout (10 s); a booking still pending after it is polled. */
    private static final int PREFER_WAIT_SECONDS = 8;

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern REASON = Pattern.compile("\"reason\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One booking request as the guest saw it; times in nanoseconds of {@link System#nanoTime()}. */
    record Outcome(String status, String reason, long sent, long decided) {

        boolean confirmed() {
            return "CONFIRMED".equals(status);
        }

        boolean rejected() {
            return "REJECTED".equals(status);
        }

        double millis() {
            return (decided - sent) / 1e6;
        }
    }

    /** A whole crowd's outcomes; {@code started} is when the first request went out. */
    record Result(List<Outcome> outcomes, long started, long finished) {}

    private final URI gateway;
    private final LocalTokens tokens;
    private final int clients;
    private final HttpClient http;

    Crowd(URI gateway, LocalTokens tokens, int clients) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.clients = clients;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    Result run(UUID sessionId, int requests, String guestPrefix) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        // every guest signs in before the crowd arrives: the measured time is booking, not identity
        signIn(guestPrefix, requests);
        long started = System.nanoTime();
        try (var guests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                guests.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        outcomes.add(book(sessionId, guestPrefix + i + "@example.com"));
                    }
                });
            }
        }
        return new Result(new ArrayList<>(outcomes), started, System.nanoTime());
    }

    /** Signs in guests {@code guestPrefix0..count-1} (their tokens are kept): signing in is not what is measured. */
    void signIn(String guestPrefix, int count) {
        try (var signIn = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < count; i++) {
                String guest = guestPrefix + i + "@example.com";
                signIn.submit(() -> tokens.bearer(guest));
            }
        }
    }

    /**
     * Books one seat and returns once the decision is known. A booking still pending when {@code
     * Prefer: wait} runs out is asked again the way a client retries: the same request with the same
     * Idempotency-Key, which replays the booking and waits once more (no tight polling loop).
     */
    private Outcome book(UUID sessionId, String guest) {
        long sent = System.nanoTime();
        String key = UUID.randomUUID().toString();
        long giveUp = sent + GIVE_UP.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(gateway.resolve("/api/bookings"))
                                .timeout(Duration.ofSeconds(PREFER_WAIT_SECONDS + 5))
                                .header("Authorization", tokens.bearer(guest))
                                .header("Idempotency-Key", key)
                                .header("Prefer", "wait=" + PREFER_WAIT_SECONDS)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"" + sessionId
                                        + "\",\"seats\":1,\"paymentMethod\":\"pm_card_visa\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                boolean retry = response.statusCode() == 202
                        || response.statusCode() == 409 // the first request with this key is still in progress
                        || response.statusCode() == 503 // booking unreachable for a moment; the key makes a retry safe
                        || response.statusCode() == 504; // the gateway gave up waiting; booking may still decide
                if (retry && System.nanoTime() < giveUp) {
                    if (response.statusCode() != 202) {
                        Thread.sleep(RETRY_PAUSE);
                    }
                    continue;
                }
                if (response.statusCode() != 200) {
                    return new Outcome("HTTP " + response.statusCode(), abbreviate(body), sent, System.nanoTime());
                }
                String reason = REASON.matcher(body).find() ? match(REASON, body) : "";
                return new Outcome(match(STATUS, body), reason, sent, System.nanoTime());
            } catch (IOException e) {
                // a timeout on the way: the same Idempotency-Key makes asking again safe
                if (System.nanoTime() >= giveUp) {
                    return new Outcome("ERROR", e.toString(), sent, System.nanoTime());
                }
            } catch (RuntimeException e) {
                return new Outcome("ERROR", e.toString(), sent, System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome("ERROR", "interrupted", sent, System.nanoTime());
            }
        }
    }

    /**
     * The floor under any booking: for {@code duration}, as many guests as the crowd has clients
     * ({@code guestPrefix0} on, already signed in) ask for their bookings ({@code GET
     * /api/bookings}: one authenticated request, one indexed read, no saga) as fast as they get
     * answers, at {@code base} (the gateway, or booking itself).
     *
     * @return answered requests per second (only 200s count)
     */
    double floor(URI base, String guestPrefix, Duration duration) throws InterruptedException {
        AtomicInteger answered = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        try (var clientsOf = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                String guest = guestPrefix + c + "@example.com";
                clientsOf.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/bookings"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", tokens.bearer(guest))
                            .build();
                    while (System.nanoTime() < end) {
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200) {
                                answered.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // counted as not answered
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        return answered.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Registers a commercial bar as big as a venue may be (2,000 guests), through the API. */
    UUID registerVenue() throws IOException, InterruptedException {
        HttpResponse<String> venue = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/venues"))
                        .header("Authorization", tokens.bearer("host@example.com"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"name": "Stadion Bar (flash crowd)", "type": "COMMERCIAL", "address": "al. Poniatowskiego 1",
                                 "city": "Warszawa", "country": "PL", "lat": 52.2395, "lon": 21.0458,
                                 "capacity": 2000, "screens": 12, "largestScreenInches": 98, "speakers": 16,
                                 "packages": [{"provider": "Canal+", "licence": "COMMERCIAL", "country": "PL"}]}
                                """))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (venue.statusCode() != 201) {
            throw new IllegalStateException("could not register the venue: " + venue.statusCode() + " " + venue.body());
        }
        return UUID.fromString(match(ID, venue.body()));
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + abbreviate(body));
        }
        return matcher.group(1);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
