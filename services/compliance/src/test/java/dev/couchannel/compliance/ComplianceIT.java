package dev.couchannel.compliance;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.couchannel.compliance.rules.RuleFixtures;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.compliance.v1.BookingAllowed;
import dev.couchannel.contracts.compliance.v1.BookingRefused;
import dev.couchannel.contracts.compliance.v1.CheckBooking;
import dev.couchannel.contracts.compliance.v1.CheckSessionRequest;
import dev.couchannel.contracts.compliance.v1.ComplianceGrpc;
import dev.couchannel.contracts.compliance.v1.Finding;
import dev.couchannel.contracts.compliance.v1.Verdict;
import dev.couchannel.contracts.hosting.v1.Venue;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The compliance service on the real broker and database, its facts from in-JVM fakes of
 * inventory and hosting: the saga's CheckBooking, the gRPC CheckSession, the rules admin API.
 */
@SpringBootTest(
        classes = ComplianceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=compliance",
            "spring.grpc.server.port=0",
            // the service's own deadline: a shorter one turned answers of a loaded machine into "facts-unavailable"
            "couchannel.compliance.facts.deadline=2s",
            "couchannel.compliance.facts.attempts=2",
            "couchannel.compliance.facts.backoff=10ms"
        })
class ComplianceIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ADMIN = "admin@example.com";
    static final FakeFacts FACTS = new FakeFacts();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "compliance");
        registry.add("spring.grpc.client.channel.inventory.target", FACTS::inventoryTarget);
        registry.add("spring.grpc.client.channel.hosting.target", FACTS::hostingTarget);
    }

    @AfterAll
    static void stopFakes() {
        FACTS.stop();
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    GrpcServerLifecycle grpc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    TopicProbe replies;
    ManagedChannel channel;
    ComplianceGrpc.ComplianceBlockingStub compliance;

    final Instant tuesdayEvening = RuleFixtures.next(Instant.now(), DayOfWeek.TUESDAY, LocalTime.of(20, 0));
    final Instant saturdayAtThree = RuleFixtures.next(Instant.now(), DayOfWeek.SATURDAY, LocalTime.of(15, 0));

    @BeforeEach
    void connect() {
        replies = TopicProbe.on(Topics.BOOKING_REPLIES);
        channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
        compliance = ComplianceGrpc.newBlockingStub(channel)
                .withCallCredentials(TestTokens.serviceCredentials())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        replies.close();
        channel.shutdownNow();
    }

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Test
    void aHomeSessionWithAMatchingResidentialPackageIsAllowedAndSaysWhichRulesItPassed() {
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:GB");
        String session = FACTS.session(flat, "Premier League", tuesdayEvening, 8, 6, "12.00");
        UUID booking = UUID.randomUUID();

        check(booking, session, 2);
        BookingAllowed allowed = allowed(booking);

        assertThat(allowed.getBookingId()).isEqualTo(booking.toString());
        assertThat(allowed.getRulesEvaluatedList())
                .containsExactlyInAnyOrder(
                        "attendee-cap@1",
                        "live-only@1",
                        "package-country-matches-venue@1",
                        "residential-personal-use@1",
                        "uk-3pm-blackout@1");
    }

    @Test
    void aCommercialVenueWithAResidentialPackageIsRefused() {
        String pub = FACTS.venue("COMMERCIAL", "GB", 40, "RESIDENTIAL:GB");
        UUID booking = UUID.randomUUID();

        check(booking, FACTS.session(pub, "Premier League", tuesdayEvening, 40, 38, "8.50"), 2);
        BookingRefused refused = refused(booking);

        assertThat(refused.getFindingsList())
                .extracting(Finding::getRuleId)
                .containsExactly("commercial-needs-commercial@1");
        assertThat(refused.getReason())
                .isEqualTo(
                        "Commercial premises need a commercial streaming package (rule commercial-needs-commercial@1).");
    }

    @Test
    void aHomeVenueStreamingOnAnotherCountrysSubscriptionIsRefused() {
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:PL");
        UUID booking = UUID.randomUUID();

        check(booking, FACTS.session(flat, "Premier League", tuesdayEvening, 8, 8, "12.00"), 2);

        assertThat(refused(booking).getFindingsList()).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("package-country-matches-venue@1");
            assertThat(finding.getReason()).contains("registered in PL").contains("venue is in GB");
        });
    }

    @Test
    void aBookingBeyondTheVenuesCapacityIsRefused() {
        String flat = FACTS.venue("HOME", "GB", 10, "RESIDENTIAL:GB");
        // the host offers 30 seats in a flat for 10; 12 are sold or held, this booking's 2 among them
        String session = FACTS.session(flat, "Premier League", tuesdayEvening, 30, 18, "12.00");
        UUID booking = UUID.randomUUID();

        check(booking, session, 2);

        assertThat(refused(booking).getFindingsList()).singleElement().satisfies(finding -> {
            assertThat(finding.getRuleId()).isEqualTo("attendee-cap@1");
            assertThat(finding.getReason()).contains("12 people").contains("limit of 10 (the venue's capacity)");
        });
    }

    @Test
    void aSaturdayThreePmFootballKickoffInTheUkIsRefused() {
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:GB");
        UUID booking = UUID.randomUUID();

        check(booking, FACTS.session(flat, "Premier League", saturdayAtThree, 8, 6, "12.00"), 2);

        BookingRefused refused = refused(booking);
        assertThat(refused.getFindingsList()).extracting(Finding::getRuleId).containsExactly("uk-3pm-blackout@1");
        assertThat(refused.getReason()).contains("3 pm blackout").contains("15:00");
    }

    @Test
    void aRepeatedCheckIsAnsweredWithTheFirstVerdictEvenIfTheFactsChanged() {
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:GB");
        String session = FACTS.session(flat, "Premier League", tuesdayEvening, 8, 6, "12.00");
        UUID booking = UUID.randomUUID();
        check(booking, session, 2);
        BookingAllowed first = allowed(booking);

        Venue now = FACTS.venues.get(flat);
        FACTS.venues.put(flat, now.toBuilder().setType("COMMERCIAL").build()); // would now be refused
        check(booking, session, 2);

        List<ConsumerRecord<String, byte[]>> both = replies.awaitCount(ofBooking(booking), 2, WAIT);
        assertThat(both)
                .extracting(record -> header(record, "ce_type"))
                .containsOnly("couchannel.compliance.v1.BookingAllowed");
        assertThat(parseAllowed(both.get(1))).isEqualTo(first);
    }

    @Test
    void whenInventoryNeverAnswersTheBookingIsRefusedAsFactsUnavailable() {
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:GB");
        String session = FACTS.session(flat, "Premier League", tuesdayEvening, 8, 6, "12.00");
        FACTS.silent.add(session);
        UUID booking = UUID.randomUUID();

        check(booking, session, 2);
        BookingRefused refused = refused(booking);

        assertThat(refused.getReason())
                .isEqualTo("We could not check the broadcasting rules right now; please try again.");
        assertThat(refused.getFindingsList()).extracting(Finding::getRuleId).containsExactly("facts-unavailable");
    }

    @Test
    void checkSessionGivesTheVerdictOnPublishingOverGrpc() {
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:GB");
        String pub = FACTS.venue("COMMERCIAL", "GB", 40, "COMMERCIAL:GB");

        Verdict fine = checkSession(FACTS.session(pub, "Premier League", tuesdayEvening, 40, 40, "8.50"));
        Verdict blackout = checkSession(FACTS.session(flat, "Premier League", saturdayAtThree, 8, 8, "12.00"));

        assertThat(fine.getAllowed()).isTrue();
        assertThat(fine.getRulesEvaluatedList()).contains("commercial-needs-commercial@1", "attendee-cap@1");
        assertThat(blackout.getAllowed()).isFalse();
        assertThat(blackout.getFindingsList()).extracting(Finding::getRuleId).containsExactly("uk-3pm-blackout@1");
        assertThatThrownBy(() -> checkSession(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> checkSession("nope"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void anAdministratorAddsVersionsOfARuleAndDisablesIt() throws Exception {
        String rule = "test-cup-no-fee-" + Long.toHexString(System.nanoTime());
        String cup = "Test Cup " + UUID.randomUUID();
        String flat = FACTS.venue("HOME", "GB", 8, "RESIDENTIAL:GB");
        String session = FACTS.session(flat, cup, tuesdayEvening, 8, 8, "5.00");
        assertThat(checkSession(session).getAllowed()).isTrue();

        HttpResponse<String> v1 =
                post("/api/admin/compliance/rules", ADMIN, newRule(rule, cup, "Free entry only (rule {rule})."));
        assertThat(v1.statusCode()).isEqualTo(201);
        assertThat(v1.body()).contains("\"ref\":\"" + rule + "@1\"").contains("\"current\":true");
        assertThat(checkSession(session).getFindingsList())
                .containsExactly(Finding.newBuilder()
                        .setRuleId(rule + "@1")
                        .setReason("Free entry only (rule " + rule + "@1).")
                        .build());

        HttpResponse<String> v2 =
                post("/api/admin/compliance/rules", ADMIN, newRule(rule, cup, "No fee at all (rule {rule})."));
        assertThat(v2.statusCode()).isEqualTo(201);
        assertThat(checkSession(session).getFindingsList())
                .extracting(Finding::getReason)
                .containsExactly("No fee at all (rule " + rule + "@2).");

        HttpResponse<String> disabled = post("/api/admin/compliance/rules/" + rule + "/disable", ADMIN, "");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"version\":2").contains("\"enabled\":false");
        assertThat(checkSession(session).getAllowed())
                .as("a disabled rule no longer refuses")
                .isTrue();

        HttpResponse<String> list = get("/api/admin/compliance/rules", ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"ref\":\"uk-3pm-blackout@1\"")
                .contains("\"ref\":\"tournament-public-viewing-de@1\"")
                .contains("\"ref\":\"" + rule + "@1\",\"enabled\":true,\"current\":false")
                .contains("\"ref\":\"" + rule + "@2\",\"enabled\":false,\"current\":true")
                .contains("\"zone\":\"Europe/London\"");
        assertThat(post("/api/admin/compliance/rules/no-such-rule/disable", ADMIN, "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheRules() throws Exception {
        HttpResponse<String> guest = get("/api/admin/compliance/rules", "guest@example.com");
        HttpResponse<String> host = post("/api/admin/compliance/rules/uk-3pm-blackout/disable", "host@example.com", "");
        HttpResponse<String> anonymous = get("/api/admin/compliance/rules", null);

        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(guest.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(host.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/compliance/rules", ADMIN).body())
                .as("the host's attempt changed nothing")
                .contains("\"ref\":\"uk-3pm-blackout@1\",\"enabled\":true");
    }

    @Test
    void anInvalidRuleIsA400ProblemNamingEachField() throws Exception {
        HttpResponse<String> response = post("/api/admin/compliance/rules", ADMIN, """
                {"id": "Bad Rule", "kind": "BLACKOUT_WINDOW",
                 "scope": {"territory": "gbr", "competition": "premier (league"},
                 "parameters": {"day": "FUNDAY", "from": "14:45", "to": "17:15", "zone": "Europe/London"},
                 "reason": ""}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"field\":\"id\"")
                .contains("\"field\":\"parameters.day\"")
                .contains("\"field\":\"scope.territory\"")
                .contains("\"field\":\"scope.competition\"")
                .contains("\"field\":\"reason\"");
        assertThat(get("/api/admin/compliance/rules", ADMIN).body()).doesNotContain("Bad Rule");
    }

    private static String newRule(String id, String competition, String reason) {
        return """
                {"id": "%s", "kind": "NO_ADMISSION_FEE", "scope": {"competition": "%s", "venueType": "HOME"},
                 "parameters": {}, "reason": "%s"}
                """.formatted(id, competition, reason);
    }

    private Verdict checkSession(String session) {
        return compliance.checkSession(
                CheckSessionRequest.newBuilder().setSessionId(session).build());
    }

    private void check(UUID booking, String session, int seats) {
        CheckBooking command = CheckBooking.newBuilder()
                .setBookingId(booking.toString())
                .setSessionId(session)
                .setSeats(seats)
                .setGuestId("guest@example.com")
                .build();
        CloudEvent event = ProtobufEvents.wrap("booking", booking.toString(), command, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(Topics.COMPLIANCE_COMMANDS, event));
    }

    private BookingAllowed allowed(UUID booking) {
        return parseAllowed(replies.await(ofType(booking, "BookingAllowed"), WAIT));
    }

    private BookingRefused refused(UUID booking) {
        ConsumerRecord<String, byte[]> record = replies.await(ofType(booking, "BookingRefused"), WAIT);
        try {
            return BookingRefused.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static BookingAllowed parseAllowed(ConsumerRecord<String, byte[]> record) {
        try {
            return BookingAllowed.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofBooking(UUID booking) {
        return record -> booking.toString().equals(record.key()) && "compliance".equals(header(record, "ce_source"));
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofType(UUID booking, String type) {
        return ofBooking(booking).and(record -> ("couchannel.compliance.v1." + type).equals(header(record, "ce_type")));
    }

    private HttpResponse<String> get(String path, @Nullable String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, @Nullable String caller, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (caller != null) {
            request.header("Authorization", TestTokens.bearer(caller));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
