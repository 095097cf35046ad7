package dev.couchannel.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A server-sent event stream read as a browser's EventSource would: each event with when it arrived. */
final class EventStream implements AutoCloseable {

    record Event(String name, String data, Instant arrived) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile @Nullable InputStream body;

    private EventStream(HttpClient http, HttpRequest request) {
        this.reader = Thread.ofVirtual().name("event-stream").start(() -> read(http, request));
    }

    /** Opens the stream and returns once the server said it is connected (its first comment). */
    static EventStream open(HttpClient http, URI url, @Nullable String authorization) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        EventStream stream = new EventStream(http, request.build());
        if (!stream.connected.await(30, TimeUnit.SECONDS)) {
            stream.close();
            throw new IllegalStateException("the event stream at " + url + " did not open");
        }
        return stream;
    }

    /** The next event that matches, waiting up to {@code timeout} for it. */
    Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    private void read(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
                    connected.countDown();
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line.substring("data:".length()).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, data.toString(), Instant.now()));
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            // closed by the test, or the server went away: the test's next() times out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        reader.interrupt();
    }
}
