package dev.couchannel.pricing;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.hosting.v1.GetVenueRequest;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.contracts.hosting.v1.VenueDirectoryGrpc;
import dev.couchannel.contracts.inventory.v1.FixtureSummary;
import dev.couchannel.contracts.inventory.v1.GetSessionRequest;
import dev.couchannel.contracts.inventory.v1.SessionCatalogGrpc;
import dev.couchannel.contracts.inventory.v1.SessionDetails;
import dev.couchannel.contracts.pricing.v1.ConfirmQuote;
import dev.couchannel.contracts.pricing.v1.CreateQuoteRequest;
import dev.couchannel.contracts.pricing.v1.PreviewPriceRequest;
import dev.couchannel.contracts.pricing.v1.PriceQuotesGrpc;
import dev.couchannel.contracts.pricing.v1.Quote;
import dev.couchannel.contracts.pricing.v1.QuoteConfirmed;
import dev.couchannel.contracts.pricing.v1.QuoteRejected;
import dev.couchannel.contracts.pricing.v1.ReleaseQuote;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import dev.couchannel.pricing.quote.PricedSession;
import dev.couchannel.pricing.quote.PricingRule;
import dev.couchannel.pricing.quote.Quotes;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pricing service against real PostgreSQL and Kafka, with inventory and hosting played by
 * small fake gRPC servers in this JVM.
 */
@SpringBootTest(
        classes = PricingApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=pricing", "spring.grpc.server.port=0", "couchannel.pricing.grpc-deadline=3s"})
class PricingIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String GUEST = "guest@example.com";

    /** A session inventory never answers for: every call to it runs into the deadline. */
    static final UUID SILENT_SESSION = UUID.randomUUID();

    static final FakeInventory inventory = new FakeInventory();
    static final FakeHosting hosting = new FakeHosting();
    static Server inventoryServer;
    static Server hostingServer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "pricing");
        inventoryServer = start(inventory);
        hostingServer = start(hosting);
        registry.add(
                "spring.grpc.client.channel.inventory.target", () -> "static://localhost:" + inventoryServer.getPort());
        registry.add(
                "spring.grpc.client.channel.hosting.target", () -> "static://localhost:" + hostingServer.getPort());
    }

    @AfterAll
    static void stopFakes() {
        inventoryServer.shutdownNow();
        hostingServer.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    GrpcServerLifecycle grpc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Quotes quotes;

    @Autowired
    PricingRule rule;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    TopicProbe replies;
    UUID sessionId;

    @BeforeEach
    void aQuietPolishSession() {
        replies = TopicProbe.on(Topics.BOOKING_REPLIES);
        // 10 seats at 30.00 PLN, all free, kickoff in two days: 2 seats = 60.00 + 3.00 fee + 14.49 VAT
        sessionId = inventory.add(10, 10, "30.00", "PLN", Duration.ofDays(2), hosting.venueIn("PL"));
    }

    @AfterEach
    void closeProbe() {
        replies.close();
    }

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Test
    void aGuestGetsAPricedQuoteAndOnlyTheyCanReadIt() throws Exception {
        HttpResponse<String> created = post(GUEST, "{\"sessionId\":\"" + sessionId + "\",\"seats\":2}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"subtotal\":{\"amount\":\"60.00\",\"currency\":\"PLN\"}")
                .contains("\"serviceFee\":{\"amount\":\"3.00\",\"currency\":\"PLN\"}")
                .contains("\"vat\":{\"amount\":\"14.49\",\"currency\":\"PLN\"}")
                .contains("\"total\":{\"amount\":\"77.49\",\"currency\":\"PLN\"}")
                .contains("\"seats\":2")
                .contains("\"expiresAt\":\"");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/quotes/");

        HttpResponse<String> own = get(GUEST, location);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"amount\":\"77.49\"").contains(sessionId.toString());

        HttpResponse<String> other = get("guest2@example.com", location);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(GUEST, "/api/quotes/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void demandAndTheVenueCountryShapeThePrice() throws Exception {
        // 9 of 10 taken (1.25) and kickoff in 2 h (1.15): 10.00 × 1.4375 = 14.38 + 0.72 fee + 20 % GB VAT 3.02
        UUID busy = inventory.add(10, 1, "10.00", "GBP", Duration.ofHours(2), hosting.venueIn("GB"));

        HttpResponse<String> created = post(GUEST, "{\"sessionId\":\"" + busy + "\",\"seats\":1}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"subtotal\":{\"amount\":\"14.38\"")
                .contains("\"total\":{\"amount\":\"18.12\",\"currency\":\"GBP\"}")
                .contains("\"vatCountry\":\"GB\"");
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() throws Exception {
        long before = quoteCount();
        for (String body : List.of(
                "{\"sessionId\":\"" + sessionId + "\",\"seats\":0}",
                "{\"sessionId\":\"" + sessionId + "\",\"seats\":21}",
                "{\"sessionId\":\"" + sessionId + "\"}",
                "{\"seats\":2}",
                "{\"sessionId\":\"not-a-uuid\",\"seats\":2}",
                "{\"sessionId\":",
                "")) {
            HttpResponse<String> response = post(GUEST, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
        }
        HttpResponse<String> unknown = post(GUEST, "{\"sessionId\":\"" + UUID.randomUUID() + "\",\"seats\":2}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No session with id");
        assertThat(post(null, "{\"sessionId\":\"" + sessionId + "\",\"seats\":2}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(quoteCount()).isEqualTo(before);
    }

    @Test
    void aSilentInventoryIsA503WithinTheDeadline() throws Exception {
        long started = System.nanoTime();

        HttpResponse<String> response = post(GUEST, "{\"sessionId\":\"" + SILENT_SESSION + "\",\"seats\":2}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Pricing is unavailable right now; please try again.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void confirmingTheGuestsQuoteLocksItsPrice() throws Exception {
        String quoteId = quoteFor(GUEST, 2);
        UUID booking = UUID.randomUUID();

        send(confirm(booking, 2, GUEST, quoteId));

        QuoteConfirmed confirmed =
                QuoteConfirmed.parseFrom(reply(booking, "QuoteConfirmed").value());
        assertThat(confirmed.getQuoteId()).isEqualTo(quoteId);
        assertThat(confirmed.getTotal())
                .isEqualTo(
                        Money.newBuilder().setAmount("77.49").setCurrency("PLN").build());
        assertThat(lockedBy(quoteId)).isEqualTo(booking);
    }

    @Test
    void withoutAQuoteTheSeatsArePricedNowAndARepeatAnswersTheSame() throws Exception {
        UUID booking = UUID.randomUUID();
        String guest = "saga-" + booking + "@example.com";
        ConfirmQuote command = confirm(booking, 2, guest, "");

        send(command);
        send(command); // a new message id: the inbox lets it through, the lock itself is idempotent

        List<ConsumerRecord<String, byte[]>> answers =
                replies.awaitCount(record -> booking.toString().equals(record.key()), 2, WAIT);
        assertThat(answers)
                .allMatch(record -> "couchannel.pricing.v1.QuoteConfirmed".equals(header(record, "ce_type")));
        QuoteConfirmed first = QuoteConfirmed.parseFrom(answers.get(0).value());
        QuoteConfirmed second = QuoteConfirmed.parseFrom(answers.get(1).value());
        assertThat(second).isEqualTo(first);
        assertThat(first.getTotal().getAmount()).isEqualTo("77.49");
        assertThat(jdbc.sql("SELECT count(*) FROM quotes WHERE guest_id = :guest")
                        .param("guest", guest)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(lockedBy(first.getQuoteId())).isEqualTo(booking);
    }

    @Test
    void anExpiredQuoteIsRejected() throws Exception {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        PricedSession facts = new PricedSession(
                sessionId,
                10,
                10,
                dev.couchannel.pricing.quote.Money.of("30.00", "PLN"),
                anHourAgo.plus(Duration.ofDays(2)),
                true,
                "PL");
        dev.couchannel.pricing.quote.Quote expired =
                dev.couchannel.pricing.quote.Quote.offer(rule, facts, 2, GUEST, anHourAgo, Duration.ofMinutes(15));
        quotes.add(expired);
        UUID booking = UUID.randomUUID();

        send(confirm(booking, 2, GUEST, expired.id().toString()));

        assertThat(QuoteRejected.parseFrom(reply(booking, "QuoteRejected").value())
                        .getReason())
                .isEqualTo("Your price quote expired; get a new one.");
        assertThat(lockedBy(expired.id().toString())).isNull();
    }

    @Test
    void aQuoteLockedByOneBookingIsRefusedToAnotherUntilReleased() throws Exception {
        String quoteId = quoteFor(GUEST, 2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        send(confirm(first, 2, GUEST, quoteId));
        reply(first, "QuoteConfirmed");
        send(confirm(second, 2, GUEST, quoteId));
        assertThat(QuoteRejected.parseFrom(reply(second, "QuoteRejected").value())
                        .getReason())
                .isEqualTo("This quote was already used for another booking.");
        assertThat(lockedBy(quoteId)).isEqualTo(first);

        send(ReleaseQuote.newBuilder()
                .setBookingId(first.toString())
                .setReason("payment declined")
                .build());
        reply(first, "QuoteReleased");
        assertThat(lockedBy(quoteId)).isNull();

        send(confirm(third, 2, GUEST, quoteId));
        reply(third, "QuoteConfirmed");
        assertThat(lockedBy(quoteId)).isEqualTo(third);
    }

    @Test
    void aQuoteForOtherSeatsOrAnotherGuestIsRefused() throws Exception {
        String quoteId = quoteFor(GUEST, 2);
        UUID moreSeats = UUID.randomUUID();
        UUID otherGuest = UUID.randomUUID();

        send(confirm(moreSeats, 3, GUEST, quoteId));
        send(confirm(otherGuest, 2, "guest2@example.com", quoteId));

        assertThat(QuoteRejected.parseFrom(reply(moreSeats, "QuoteRejected").value())
                        .getReason())
                .contains("for 2 seats, not 3");
        assertThat(QuoteRejected.parseFrom(reply(otherGuest, "QuoteRejected").value())
                        .getReason())
                .isEqualTo("This price quote belongs to another guest.");
        assertThat(lockedBy(quoteId)).isNull();
    }

    @Test
    void releasingABookingWithoutALockRepliesAndKeepsALateConfirmFromLocking() throws Exception {
        UUID booking = UUID.randomUUID();

        send(ReleaseQuote.newBuilder().setBookingId(booking.toString()).build());
        reply(booking, "QuoteReleased");
        send(confirm(booking, 2, GUEST, ""));

        assertThat(QuoteRejected.parseFrom(reply(booking, "QuoteRejected").value())
                        .getReason())
                .isEqualTo("The price lock of this booking was already released.");
    }

    @Test
    void aSilentInventoryRejectsTheSagaStep() throws Exception {
        UUID booking = UUID.randomUUID();
        ConfirmQuote command = ConfirmQuote.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(SILENT_SESSION.toString())
                .setSeats(2)
                .setGuestId(GUEST)
                .build();

        send(command);

        assertThat(QuoteRejected.parseFrom(reply(booking, "QuoteRejected").value())
                        .getReason())
                .isEqualTo("Pricing is unavailable right now; please try again.");
    }

    @Test
    void previewsAPriceOverGrpcWithoutKeepingAQuote() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        try {
            PriceQuotesGrpc.PriceQuotesBlockingStub pricing = PriceQuotesGrpc.newBlockingStub(channel)
                    .withCallCredentials(TestTokens.serviceCredentials())
                    .withDeadlineAfter(5, TimeUnit.SECONDS);
            long before = quoteCount();

            Quote preview = pricing.previewPrice(PreviewPriceRequest.newBuilder()
                    .setSessionId(sessionId.toString())
                    .setSeats(2)
                    .build());

            assertThat(preview.getId()).isEmpty();
            assertThat(preview.getTotal().getAmount()).isEqualTo("77.49");
            assertThat(quoteCount()).isEqualTo(before);
            assertThatThrownBy(() -> pricing.previewPrice(PreviewPriceRequest.newBuilder()
                            .setSessionId(sessionId.toString())
                            .setSeats(0)
                            .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void createsQuotesOverGrpc() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        try {
            PriceQuotesGrpc.PriceQuotesBlockingStub pricing = PriceQuotesGrpc.newBlockingStub(channel)
                    .withCallCredentials(TestTokens.serviceCredentials())
                    .withDeadlineAfter(5, TimeUnit.SECONDS);

            Quote quote = pricing.createQuote(CreateQuoteRequest.newBuilder()
                    .setSessionId(sessionId.toString())
                    .setSeats(2)
                    .setGuestId(GUEST)
                    .build());

            assertThat(quote.getTotal().getAmount()).isEqualTo("77.49");
            assertThat(quote.getVatCountry()).isEqualTo("PL");
            assertThat(WireTime.toInstant(quote.getExpiresAt()))
                    .isAfter(Instant.now().plus(Duration.ofMinutes(14)));
            assertThat(quotes.find(UUID.fromString(quote.getId()))).isPresent();
            assertThatThrownBy(() -> pricing.createQuote(CreateQuoteRequest.newBuilder()
                            .setSessionId(UUID.randomUUID().toString())
                            .setSeats(2)
                            .setGuestId(GUEST)
                            .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
            assertThatThrownBy(() -> pricing.createQuote(CreateQuoteRequest.newBuilder()
                            .setSessionId(sessionId.toString())
                            .setSeats(0)
                            .setGuestId(GUEST)
                            .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        } finally {
            channel.shutdownNow();
        }
    }

    private String quoteFor(String guest, int seats) throws Exception {
        HttpResponse<String> created = post(guest, "{\"sessionId\":\"" + sessionId + "\",\"seats\":" + seats + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private ConfirmQuote confirm(UUID booking, int seats, String guest, String quoteId) {
        return ConfirmQuote.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(sessionId.toString())
                .setSeats(seats)
                .setGuestId(guest)
                .setQuoteId(quoteId)
                .build();
    }

    private void send(Message command) {
        String booking = command.getField(command.getDescriptorForType().findFieldByName("booking_id"))
                .toString();
        CloudEvent event = ProtobufEvents.wrap("booking", booking, command, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(Topics.PRICING_COMMANDS, event));
    }

    private ConsumerRecord<String, byte[]> reply(UUID booking, String type) {
        String fullType = "couchannel.pricing.v1." + type;
        return replies.await(
                record -> booking.toString().equals(record.key())
                        && fullType.equals(header(record, "ce_type"))
                        && "pricing".equals(header(record, "ce_source")),
                WAIT);
    }

    private UUID lockedBy(String quoteId) {
        return jdbc.sql("SELECT locked_by FROM quotes WHERE id = :id")
                .param("id", UUID.fromString(quoteId))
                .query((row, number) -> row.getObject("locked_by", UUID.class))
                .list()
                .getFirst();
    }

    private long quoteCount() {
        return jdbc.sql("SELECT count(*) FROM quotes").query(Long.class).single();
    }

    private HttpResponse<String> post(String caller, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/quotes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String caller, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.bearer(caller))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Server start(io.grpc.BindableService service) {
        try {
            return ServerBuilder.forPort(0).addService(service).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inventory's session catalog, holding what each test adds; silent for {@link #SILENT_SESSION}. */
    static final class FakeInventory extends SessionCatalogGrpc.SessionCatalogImplBase {

        private final Map<String, SessionDetails> sessions = new ConcurrentHashMap<>();

        UUID add(int capacity, int seatsLeft, String price, String currency, Duration untilKickoff, String venueId) {
            UUID id = UUID.randomUUID();
            sessions.put(
                    id.toString(),
                    SessionDetails.newBuilder()
                            .setId(id.toString())
                            .setVenueId(venueId)
                            .setHostId("host@example.com")
                            .setStatus("PUBLISHED")
                            .setSeats(capacity)
                            .setSeatsLeft(seatsLeft)
                            .setPricePerSeat(Money.newBuilder().setAmount(price).setCurrency(currency))
                            .setFixture(FixtureSummary.newBuilder()
                                    .setId(UUID.randomUUID().toString())
                                    .setKickoff(WireTime.of(Instant.now().plus(untilKickoff))))
                            .build());
            return id;
        }

        @Override
        public void getSession(GetSessionRequest request, StreamObserver<SessionDetails> response) {
            if (SILENT_SESSION.toString().equals(request.getSessionId())) {
                return; // never answers: the caller's deadline has to end the call
            }
            SessionDetails session = sessions.get(request.getSessionId());
            if (session == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(session);
            response.onCompleted();
        }
    }

    /** Hosting's venue directory: one venue per country asked for. */
    static final class FakeHosting extends VenueDirectoryGrpc.VenueDirectoryImplBase {

        private final Map<String, Venue> venues = new ConcurrentHashMap<>();

        String venueIn(String country) {
            String id = UUID.randomUUID().toString();
            venues.put(id, Venue.newBuilder().setId(id).setCountry(country).build());
            return id;
        }

        @Override
        public void getVenue(GetVenueRequest request, StreamObserver<Venue> response) {
            Venue venue = venues.get(request.getVenueId());
            if (venue == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(venue);
            response.onCompleted();
        }
    }
}
