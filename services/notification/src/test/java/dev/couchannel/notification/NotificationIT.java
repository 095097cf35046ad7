package dev.couchannel.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.analytics.v1.NpsSurveyRequested;
import dev.couchannel.contracts.booking.v1.BookingCancelled;
import dev.couchannel.contracts.booking.v1.BookingConfirmed;
import dev.couchannel.contracts.booking.v1.BookingRejected;
import dev.couchannel.contracts.common.v1.Money;
import dev.couchannel.contracts.inventory.v1.SeatAvailabilityChanged;
import dev.couchannel.contracts.inventory.v1.SessionCancelled;
import dev.couchannel.contracts.inventory.v1.WaitlistOfferMade;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.notification.mail.MailDelivery;
import dev.couchannel.platform.embedded.SmtpServer.ReceivedMail;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TestClock;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The notification service against real PostgreSQL, Kafka and SMTP, with inventory and hosting
 * played by fake gRPC servers and time by a {@link TestClock}.
 */
@SpringBootTest(
        classes = {NotificationApplication.class, TestClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=notification",
            "couchannel.notification.facts.retry-after=1s",
            "couchannel.notification.facts.give-up-after=10m",
            "couchannel.notification.facts.attempts=1",
            "couchannel.notification.delivery.poll-interval=100ms",
            "couchannel.notification.reminders.poll-interval=100ms",
            "couchannel.notification.facts.poll-interval=100ms"
        })
class NotificationIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final DateTimeFormatter ICS_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
        registry.add("spring.grpc.client.channel.inventory.target", FakeFacts.INSTANCE::inventoryTarget);
        registry.add("spring.grpc.client.channel.hosting.target", FakeFacts.INSTANCE::hostingTarget);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JdbcClient jdbc;

    final TestClock clock = TestClock.Config.SHARED;
    final FakeFacts facts = FakeFacts.INSTANCE;

    Api api() {
        return new Api(port);
    }

    static String guest() {
        return "guest-" + UUID.randomUUID() + "@example.com";
    }

    Instant inThreeDays() {
        return clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        OpenApiContract.assertDocumented(mappings);
    }

    @Test
    void aConfirmedBookingSendsAnEnglishMailWithACalendarInviteAndLandsInTheInbox() {
        String guest = guest();
        Instant kickoff = inThreeDays();
        String session = facts.session(kickoff);
        String booking = UUID.randomUUID().toString();

        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));

        ReceivedMail mail = awaitOne(guest, "Booking confirmed");
        assertThat(mail.subject()).isEqualTo("Booking confirmed: Legia Warszawa vs Lech Poznań");
        assertThat(Mails.part(mail, "text/plain").orElseThrow())
                .contains("Your booking of 2 seat(s) for Legia Warszawa vs Lech Poznań is confirmed")
                .contains("Pub Pod Bramką, ul. Marszałkowska 1, Warszawa");
        assertThat(Mails.part(mail, "text/html").orElseThrow()).contains("<h1>You are in: Legia Warszawa vs");
        assertThat(Mails.header(mail, "List-Unsubscribe"))
                .startsWith("<http://localhost:8080/api/notifications/unsubscribe?token=");
        assertThat(Mails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        String ics = Mails.part(mail, "text/calendar").orElseThrow();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.split("\r\n"))
                .contains("UID:booking-" + booking + "@couchannel.dev")
                .contains("DTSTART:" + ICS_TIME.format(kickoff))
                .contains("DTEND:" + ICS_TIME.format(kickoff.plus(Duration.ofHours(2))))
                .contains("SUMMARY:Legia Warszawa vs Lech Poznań")
                .contains("LOCATION:Pub Pod Bramką\\, ul. Marszałkowska 1\\, Warszawa");

        JsonNode inbox =
                api().get("/api/me/notifications", TestTokens.bearer(guest)).json();
        assertThat(inbox.path("items")).hasSize(1);
        assertThat(inbox.path("items").get(0).path("kind").asString()).isEqualTo("BOOKING_CONFIRMED");
        assertThat(inbox.path("unread").asInt()).isEqualTo(1);

        // and its kickoff reminders are scheduled
        assertThat(reminders(booking, "PENDING")).isEqualTo(2);
    }

    @Test
    void anNpsSurveyIsMailedWithALinkPerScoreAndLandsInTheInbox() {
        String guest = guest();
        String session = facts.session(clock.instant().minus(Duration.ofHours(4)));
        String booking = UUID.randomUUID().toString();
        String page = "http://localhost:8080/api/surveys/" + "t".repeat(43);
        NpsSurveyRequested.Builder survey = NpsSurveyRequested.newBuilder()
                .setSurveyId(UUID.randomUUID().toString())
                .setBookingId(booking)
                .setSessionId(session)
                .setGuestId(guest)
                .setSurveyUrl(page);
        for (int score = 0; score <= 10; score++) {
            survey.addScoreUrls(page + "?score=" + score);
        }

        publish(Topics.ANALYTICS_EVENTS, booking, survey.build());

        ReceivedMail mail = awaitOne(guest, "How was");
        assertThat(mail.subject()).isEqualTo("How was Legia Warszawa vs Lech Poznań?");
        String text = Mails.part(mail, "text/plain").orElseThrow();
        assertThat(text)
                .contains("how likely are you to recommend couchannel")
                .contains("0: " + page + "?score=0")
                .contains("10: " + page + "?score=10");
        String html = Mails.part(mail, "text/html").orElseThrow();
        for (int score = 0; score <= 10; score++) {
            assertThat(html).contains("href=\"" + page + "?score=" + score + "\"");
        }
        JsonNode inbox =
                api().get("/api/me/notifications", TestTokens.bearer(guest)).json();
        assertThat(inbox.path("items")).hasSize(1);
        assertThat(inbox.path("items").get(0).path("kind").asString()).isEqualTo("NPS_SURVEY");
        assertThat(inbox.path("items").get(0).path("link").asString()).isEqualTo(page);
    }

    @Test
    void aPolishGuestGetsThePolishSurvey() {
        String guest = guest();
        assertThat(api().put(
                                "/api/me/notification-preferences",
                                TestTokens.bearer(guest),
                                "{\"locale\":\"pl\",\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true}}")
                        .status())
                .isEqualTo(200);
        String session = facts.session(clock.instant().minus(Duration.ofHours(4)));
        String booking = UUID.randomUUID().toString();
        String page = "http://localhost:8080/api/surveys/" + "p".repeat(43);

        publish(
                Topics.ANALYTICS_EVENTS,
                booking,
                NpsSurveyRequested.newBuilder()
                        .setSurveyId(UUID.randomUUID().toString())
                        .setBookingId(booking)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setSurveyUrl(page)
                        .addScoreUrls(page + "?score=0")
                        .build());

        ReceivedMail mail = awaitOne(guest, "Jak było");
        assertThat(Mails.part(mail, "text/plain").orElseThrow())
                .contains("polecisz couchannel")
                .contains("0: " + page + "?score=0");
    }

    @Test
    void aPolishUserGetsPolishMails() {
        String guest = guest();
        Api.Response saved = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(guest),
                        "{\"locale\":\"pl\",\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true}}");
        assertThat(saved.status()).isEqualTo(200);
        String session = facts.session(inThreeDays());
        String booking = UUID.randomUUID().toString();

        publish(
                Topics.BOOKING_EVENTS,
                booking,
                BookingRejected.newBuilder()
                        .setBookingId(booking)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setReason("brak wolnych miejsc")
                        .build());

        ReceivedMail mail = awaitOne(guest, "Rezerwacja");
        assertThat(mail.subject()).isEqualTo("Rezerwacja niemożliwa: Legia Warszawa vs Lech Poznań");
        assertThat(Mails.part(mail, "text/plain").orElseThrow())
                .contains("nie została przyjęta")
                .contains("Powód: brak wolnych miejsc")
                .contains("Wypisz się");
        assertThat(Mails.part(mail, "text/html").orElseThrow()).contains("lang=\"pl\"");
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMailAndOneInboxEntry() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        String booking = UUID.randomUUID().toString();
        CloudEvent event = ProtobufEvents.wrap("booking", booking, confirmed(booking, session, guest), Instant.now());

        kafka.send(KafkaCloudEvents.toRecord(Topics.BOOKING_EVENTS, event));
        kafka.send(KafkaCloudEvents.toRecord(Topics.BOOKING_EVENTS, event));
        // a later event on the same key (same partition): once its mail is in, both copies were consumed
        publish(
                Topics.BOOKING_EVENTS,
                booking,
                BookingRejected.newBuilder()
                        .setBookingId(booking)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setReason("marker")
                        .build());
        awaitOne(guest, "Booking not possible");
        awaitOne(guest, "Booking confirmed");
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT count(*) FROM outbound_mail WHERE recipient = :u AND status <> 'SENT'")
                                .param("u", guest)
                                .query(Long.class)
                                .single()
                        == 0);

        assertThat(Mails.to(guest, "Booking confirmed")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND kind = 'BOOKING_CONFIRMED'")
                        .param("u", guest)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(reminders(booking, "PENDING")).isEqualTo(2);
    }

    @Test
    void aCancellationMailsTheRefundAndCancelsTheReminders() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        String booking = UUID.randomUUID().toString();
        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));
        awaitOne(guest, "Booking confirmed");

        publish(
                Topics.BOOKING_EVENTS,
                booking,
                BookingCancelled.newBuilder()
                        .setBookingId(booking)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setSeats(2)
                        .setRefund(Money.newBuilder().setAmount("61.50").setCurrency("PLN"))
                        .setCancelledBy("GUEST")
                        .build());

        ReceivedMail mail = awaitOne(guest, "Booking cancelled");
        assertThat(Mails.part(mail, "text/plain").orElseThrow()).contains("Refund: 61.50 PLN.");
        assertThat(reminders(booking, "CANCELLED")).isEqualTo(2);
        assertThat(reminders(booking, "PENDING")).isZero();
    }

    @Test
    void timesAreWrittenInTheUsersTimeZoneAndLanguage() {
        String guest = guest();
        Api.Response saved = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(guest),
                        "{\"locale\":\"pl\",\"timeZone\":\"Europe/Warsaw\","
                                + "\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Instant kickoff = inThreeDays();
        String session = facts.session(kickoff);
        String booking = UUID.randomUUID().toString();

        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));

        ReceivedMail mail = awaitOne(guest, "Rezerwacja potwierdzona");
        String warsaw = DateTimeFormatter.ofPattern("HH:mm").format(kickoff.atZone(ZoneId.of("Europe/Warsaw")));
        assertThat(Mails.part(mail, "text/plain").orElseThrow())
                .contains("Początek: ")
                .contains(warsaw + " (Europe/Warsaw)")
                .contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(Locale.forLanguageTag("pl"))
                        .withZone(ZoneId.of("Europe/Warsaw"))
                        .format(kickoff));
    }

    @Test
    void guestsOfAShowingTheHostCancelledOrAPostponedMatchAreToldWhyAndThatTheRefundIsFull() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        String byHost = UUID.randomUUID().toString();
        String postponed = UUID.randomUUID().toString();

        publish(Topics.BOOKING_EVENTS, byHost, cancelled(byHost, session, guest, "HOST", "80.00"));
        publish(Topics.BOOKING_EVENTS, postponed, cancelled(postponed, session, guest, "FIXTURE_POSTPONED", "40.00"));

        assertThat(Mails.part(awaitOne(guest, "Showing cancelled by the host"), "text/plain")
                        .orElseThrow())
                .contains("is cancelled by its host")
                .contains("Your 2 seat(s) are refunded in full: 80.00 PLN.");
        assertThat(Mails.part(awaitOne(guest, "Match postponed"), "text/plain").orElseThrow())
                .contains("Legia Warszawa vs Lech Poznań will not be played")
                .contains("refunded in full: 40.00 PLN.");
        assertThat(Mails.to(guest, "Booking cancelled")).isEmpty();
    }

    private static BookingCancelled cancelled(String booking, String session, String guest, String by, String refund) {
        return BookingCancelled.newBuilder()
                .setBookingId(booking)
                .setSessionId(session)
                .setGuestId(guest)
                .setSeats(2)
                .setRefund(Money.newBuilder().setAmount(refund).setCurrency("PLN"))
                .setCancelledBy(by)
                .build();
    }

    @Test
    void aHostHearsOfTheirVenuesNewRatingOnceInTheirInbox() {
        String host = "host-" + UUID.randomUUID() + "@example.com";
        String venue = UUID.randomUUID().toString();
        CloudEvent first = ProtobufEvents.wrap("test", venue, rating(venue, host, 4.5, 12, 1), Instant.now());

        kafka.send(KafkaCloudEvents.toRecord(Topics.REVIEW_EVENTS, first));
        kafka.send(KafkaCloudEvents.toRecord(Topics.REVIEW_EVENTS, first));
        publish(Topics.REVIEW_EVENTS, venue, rating(venue, host, 4.2, 13, 2));

        await().atMost(WAIT).until(() -> unread(host) == 2);
        JsonNode items = api().get("/api/me/notifications", TestTokens.bearer(host))
                .json()
                .path("items");
        assertThat(items).hasSize(2);
        List<String> titles = new java.util.ArrayList<>();
        items.forEach(item -> titles.add(item.path("title").asString()));
        assertThat(titles).containsExactlyInAnyOrder("Your venue is rated 4.5 ★", "Your venue is rated 4.2 ★");
        assertThat(items.get(0).path("kind").asString()).isEqualTo("RATING_CHANGED");
        assertThat(items.get(0).path("link").asString()).isEqualTo("/host/venues/" + venue);
        assertThat(Mails.to(host)).isEmpty();
    }

    private static RatingChanged rating(String venue, String host, double average, int count, long version) {
        return RatingChanged.newBuilder()
                .setVenueId(venue)
                .setHostId(host)
                .setAverage(average)
                .setCount(count)
                .setVersion(version)
                .build();
    }

    @Test
    void aCancelledSessionCancelsItsReminders() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        String booking = UUID.randomUUID().toString();
        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));
        await().atMost(WAIT).until(() -> reminders(booking, "PENDING") == 2);

        publish(
                Topics.INVENTORY_EVENTS,
                session,
                SessionCancelled.newBuilder()
                        .setSessionId(session)
                        .setReason("pub flooded")
                        .build());

        await().atMost(WAIT).until(() -> reminders(booking, "CANCELLED") == 2);
    }

    @Test
    void aWaitlistOfferSaysUntilWhen() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        Instant expires = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);

        publish(
                Topics.INVENTORY_EVENTS,
                session,
                WaitlistOfferMade.newBuilder()
                        .setOfferId(UUID.randomUUID().toString())
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setSeats(3)
                        .setExpiresAt(WireTime.of(expires))
                        .build());

        ReceivedMail mail = awaitOne(guest, "Seats are free");
        assertThat(Mails.part(mail, "text/plain").orElseThrow())
                .contains("3 seat(s) for Legia Warszawa vs Lech Poznań")
                .contains("held for you until "
                        + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(Locale.ENGLISH)
                                .withZone(ZoneOffset.UTC)
                                .format(expires)
                                .replace('\u202f', ' ')
                        + " (UTC)");
    }

    @Test
    void anEventWhoseFactsNeverComeGoesToTheDeadLetterTopicAsItCame() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        facts.down.add(session);
        String booking = UUID.randomUUID().toString();
        CloudEvent event = ProtobufEvents.wrap("test", booking, confirmed(booking, session, guest), Instant.now());
        try (TopicProbe deadLetters = TopicProbe.on(MailDelivery.DEAD_LETTERS)) {
            kafka.send(KafkaCloudEvents.toRecord(Topics.BOOKING_EVENTS, event));
            await().atMost(WAIT).until(() -> deferred(booking) == 1);

            clock.advance(Duration.ofMinutes(11));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(TopicProbe.eventId(event.id()), WAIT);
            assertThat(TopicProbe.header(dead, "ce_type")).isEqualTo("couchannel.booking.v1.BookingConfirmed");
            assertThat(dead.value()).isEqualTo(event.data());
            await().atMost(WAIT).until(() -> deferred(booking) == 0);
            assertThat(Mails.to(guest)).isEmpty();
        } finally {
            facts.down.remove(session);
        }
    }

    private long deferred(String booking) {
        return jdbc.sql("SELECT count(*) FROM deferred_events WHERE subject = :b")
                .param("b", booking)
                .query(Long.class)
                .single();
    }

    @Test
    void anEventWhoseFactsAreUnavailableIsHandledWhenTheyComeBack() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        facts.down.add(session);
        String booking = UUID.randomUUID().toString();

        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT count(*) FROM deferred_events WHERE subject = :b")
                                .param("b", booking)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(Mails.to(guest)).isEmpty();

        // still down at the next try: it waits longer, and nothing is sent
        clock.advance(Duration.ofSeconds(2));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT attempts FROM deferred_events WHERE subject = :b")
                                .param("b", booking)
                                .query(Integer.class)
                                .single()
                        >= 1);
        assertThat(Mails.to(guest)).isEmpty();

        facts.down.remove(session);
        clock.advance(Duration.ofSeconds(5));

        awaitOne(guest, "Booking confirmed");
        assertThat(jdbc.sql("SELECT count(*) FROM deferred_events WHERE subject = :b")
                        .param("b", booking)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUserReadsAndMarksOnlyTheirOwnNotifications() {
        String owner = guest();
        String other = guest();
        String session = facts.session(inThreeDays());
        String booking = UUID.randomUUID().toString();
        publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, owner));
        await().atMost(WAIT)
                .until(() -> api().get("/api/me/notifications", TestTokens.bearer(owner))
                                .json()
                                .path("items")
                                .size()
                        == 1);
        String id = api().get("/api/me/notifications", TestTokens.bearer(owner))
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        assertThat(api().get("/api/me/notifications", TestTokens.bearer(other))
                        .json()
                        .path("items"))
                .isEmpty();
        Api.Response foreign = api().post("/api/me/notifications/" + id + "/read", TestTokens.bearer(other));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/me/notifications?unread=true", TestTokens.bearer(owner))
                        .json()
                        .path("items"))
                .hasSize(1);
        assertThat(api().post("/api/me/notifications/" + id + "/read", null).status())
                .isEqualTo(401);

        assertThat(api().post("/api/me/notifications/" + id + "/read", TestTokens.bearer(owner))
                        .status())
                .isEqualTo(204);
        JsonNode unread = api().get("/api/me/notifications?unread=true", TestTokens.bearer(owner))
                .json();
        assertThat(unread.path("items")).isEmpty();
        assertThat(unread.path("unread").asInt()).isZero();
        assertThat(api().get("/api/me/notifications?size=500", TestTokens.bearer(owner))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void readAllMarksEveryNotificationOfTheCallerOnly() {
        String owner = guest();
        String other = guest();
        String session = facts.session(inThreeDays());
        for (String who : List.of(owner, owner, other)) {
            String booking = UUID.randomUUID().toString();
            publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, who));
        }
        await().atMost(WAIT).until(() -> unread(owner) == 2 && unread(other) == 1);

        JsonNode marked = api().post("/api/me/notifications/read-all", TestTokens.bearer(owner))
                .json();

        assertThat(marked.path("marked").asInt()).isEqualTo(2);
        assertThat(unread(owner)).isZero();
        assertThat(unread(other)).isEqualTo(1);
    }

    @Test
    void preferencesHaveDefaultsAndBadInputNamesTheField() {
        String user = guest();
        JsonNode defaults = api().get("/api/me/notification-preferences", TestTokens.bearer(user))
                .json();
        assertThat(defaults.path("locale").asString()).isEqualTo("en");
        assertThat(defaults.path("email").path("reminders").asBoolean()).isTrue();

        Api.Response badLocale = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(user),
                        "{\"locale\":\"de\",\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true}}");
        assertThat(badLocale.status()).isEqualTo(400);
        assertThat(badLocale.contentType()).startsWith("application/problem+json");
        assertThat(badLocale.json().path("field").asString()).isEqualTo("locale");

        Api.Response missing = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(user),
                        "{\"locale\":\"pl\",\"email\":{\"bookings\":true,\"waitlist\":false}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asString()).isEqualTo("email.reminders");

        Api.Response saved = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(user),
                        "{\"locale\":\"pl\",\"email\":{\"bookings\":true,\"reminders\":false,\"waitlist\":true}}");
        assertThat(saved.status()).isEqualTo(200);
        JsonNode read = api().get("/api/me/notification-preferences", TestTokens.bearer(user))
                .json();
        assertThat(read.path("locale").asString()).isEqualTo("pl");
        assertThat(read.path("email").path("reminders").asBoolean()).isFalse();
        // time zone and web push are kept when a PUT leaves them out, and checked when given
        assertThat(read.path("timeZone").asString()).isEqualTo("UTC");
        assertThat(read.path("push").path("bookings").asBoolean()).isTrue();
        Api.Response badZone = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(user),
                        "{\"locale\":\"pl\",\"timeZone\":\"Mars/Olympus\","
                                + "\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true}}");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().path("field").asString()).isEqualTo("timeZone");
        Api.Response badPush = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(user),
                        "{\"locale\":\"pl\",\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true},"
                                + "\"push\":{\"bookings\":false}}");
        assertThat(badPush.status()).isEqualTo(400);
        assertThat(badPush.json().path("field").asString()).isEqualTo("push.reminders");
        Api.Response zoned = api().put(
                        "/api/me/notification-preferences",
                        TestTokens.bearer(user),
                        "{\"locale\":\"en\",\"timeZone\":\"America/New_York\","
                                + "\"email\":{\"bookings\":true,\"reminders\":true,\"waitlist\":true},"
                                + "\"push\":{\"bookings\":true,\"reminders\":false,\"waitlist\":false}}");
        assertThat(zoned.status()).isEqualTo(200);
        JsonNode after = api().get("/api/me/notification-preferences", TestTokens.bearer(user))
                .json();
        assertThat(after.path("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(after.path("push").path("reminders").asBoolean()).isFalse();
        assertThat(after.path("email").path("reminders").asBoolean()).isTrue();
        assertThat(api().get("/api/me/notification-preferences", null).status()).isEqualTo(401);
    }

    @Test
    void theOneClickLinkOfAMailStopsThatCategoryOnly() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        String first = UUID.randomUUID().toString();
        publish(Topics.BOOKING_EVENTS, first, confirmed(first, session, guest));
        ReceivedMail mail = awaitOne(guest, "Booking confirmed");
        String link = Mails.header(mail, "List-Unsubscribe").replaceAll("^<|>$", "");
        URI uri = URI.create(link);

        Api.Response unsubscribed = api().post(uri.getRawPath() + "?" + uri.getRawQuery(), null);
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.json().path("category").asString()).isEqualTo("bookings");
        JsonNode preferences = api().get("/api/me/notification-preferences", TestTokens.bearer(guest))
                .json();
        assertThat(preferences.path("email").path("bookings").asBoolean()).isFalse();
        assertThat(preferences.path("email").path("waitlist").asBoolean()).isTrue();

        String second = UUID.randomUUID().toString();
        publish(
                Topics.BOOKING_EVENTS,
                second,
                BookingRejected.newBuilder()
                        .setBookingId(second)
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setReason("sold out")
                        .build());
        // the inbox entry commits with the decision about the mail: once it is there, no mail was queued
        await().atMost(WAIT)
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND kind = 'BOOKING_REJECTED'")
                                        .param("u", guest)
                                        .query(Long.class)
                                        .single()
                                == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_mail WHERE recipient = :u AND template = 'BOOKING_REJECTED'")
                        .param("u", guest)
                        .query(Long.class)
                        .single())
                .isZero();

        // a waitlist offer still mails
        publish(
                Topics.INVENTORY_EVENTS,
                session,
                WaitlistOfferMade.newBuilder()
                        .setOfferId(UUID.randomUUID().toString())
                        .setSessionId(session)
                        .setGuestId(guest)
                        .setSeats(1)
                        .setExpiresAt(WireTime.of(clock.instant().plus(Duration.ofHours(1))))
                        .build());
        awaitOne(guest, "Seats are free");
    }

    @Test
    void aForgedUnsubscribeTokenIsRefused() {
        Api.Response forged = api().post("/api/notifications/unsubscribe?token=Zm9vfGJvb2tpbmdz.AAAA", null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().path("field").asString()).isEqualTo("token");
        assertThat(api().get("/api/notifications/unsubscribe", null).status()).isEqualTo(400);
    }

    @Test
    void streamsTellTheCallerOfTheirBookingsAndEveryoneOfSeatsLeft() {
        String guest = guest();
        String other = guest();
        String session = facts.session(inThreeDays());
        try (EventStream seats = new EventStream(port, "/api/sessions/" + session + "/events", null);
                EventStream mine = new EventStream(port, "/api/me/events", TestTokens.bearer(guest));
                EventStream theirs = new EventStream(port, "/api/me/events", TestTokens.bearer(other))) {
            await().atMost(WAIT)
                    .until(() -> seats.has(":connected") && mine.has(":connected") && theirs.has(":connected"));

            publish(
                    Topics.INVENTORY_EVENTS,
                    session,
                    SeatAvailabilityChanged.newBuilder()
                            .setSessionId(session)
                            .setCapacity(20)
                            .setSeatsFree(7)
                            .build());
            await().atMost(WAIT).until(() -> seats.has("\"seatsLeft\":7"));
            assertThat(seats.has("event:seats")).isTrue();

            String booking = UUID.randomUUID().toString();
            long sent = System.nanoTime();
            publish(Topics.BOOKING_EVENTS, booking, confirmed(booking, session, guest));
            await().atMost(WAIT).until(() -> mine.has(booking) && mine.has("\"status\":\"CONFIRMED\""));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
            assertThat(mine.has("event:booking")).isTrue();

            // the other user's stream heard nothing of it: a later booking of theirs arrives alone
            String theirBooking = UUID.randomUUID().toString();
            publish(Topics.BOOKING_EVENTS, theirBooking, confirmed(theirBooking, session, other));
            await().atMost(WAIT).until(() -> theirs.has(theirBooking));
            assertThat(theirs.has(booking)).isFalse();
            assertThat(seats.has(booking)).isFalse();
        }
        try (EventStream anonymous = new EventStream(port, "/api/me/events", null)) {
            await().atMost(WAIT).until(() -> anonymous.status != 0);
            assertThat(anonymous.status).isEqualTo(401);
        }
        try (EventStream notASession = new EventStream(port, "/api/sessions/not-a-session/events", null)) {
            await().atMost(WAIT).until(() -> notASession.status != 0);
            assertThat(notASession.status).isEqualTo(400);
        }
    }

    @Test
    void anotherInstancesClientsHearWhatThisInstanceConsumed() {
        String guest = guest();
        String session = facts.session(inThreeDays());
        // a second instance that consumes nothing itself: its clients hear through Redis only
        try (ConfigurableApplicationContext second = Contexts.start("notification_fanout", null);
                EventStream mine = new EventStream(
                        Integer.parseInt(second.getEnvironment().getProperty("local.server.port")),
                        "/api/me/events",
                        TestTokens.bearer(guest))) {
            await().atMost(WAIT).until(() -> mine.has(":connected"));

            String booking = UUID.randomUUID().toString();
            publish(
                    Topics.BOOKING_EVENTS,
                    booking,
                    BookingRejected.newBuilder()
                            .setBookingId(booking)
                            .setSessionId(session)
                            .setGuestId(guest)
                            .setReason("sold out")
                            .build());

            await().atMost(WAIT).until(() -> mine.has(booking) && mine.has("\"status\":\"REJECTED\""));
        }
    }

    private long unread(String user) {
        return api().get("/api/me/notifications?unread=true", TestTokens.bearer(user))
                .json()
                .path("unread")
                .asLong();
    }

    private long reminders(String booking, String status) {
        return jdbc.sql("SELECT count(*) FROM reminders WHERE booking_id = :b AND status = :s")
                .param("b", booking)
                .param("s", status)
                .query(Long.class)
                .single();
    }

    private ReceivedMail awaitOne(String recipient, String subjectPrefix) {
        await().atMost(WAIT).until(() -> !Mails.to(recipient, subjectPrefix).isEmpty());
        return Mails.to(recipient, subjectPrefix).getFirst();
    }

    private static BookingConfirmed confirmed(String booking, String session, String guest) {
        return BookingConfirmed.newBuilder()
                .setBookingId(booking)
                .setSessionId(session)
                .setGuestId(guest)
                .setSeats(2)
                .build();
    }

    private void publish(String topic, String key, Message message) {
        CloudEvent event = ProtobufEvents.wrap("test", key, message, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(topic, event));
    }
}
