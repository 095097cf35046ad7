package dev.couchannel.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.inventory.v1.SessionPublished;
import dev.couchannel.contracts.payment.v1.AuthorizePayment;
import dev.couchannel.contracts.payment.v1.CapturePayment;
import dev.couchannel.contracts.payment.v1.HostPaidOut;
import dev.couchannel.contracts.payment.v1.RefundPayment;
import dev.couchannel.payment.PaymentServiceTest;
import dev.couchannel.payment.intent.PaymentIntent;
import dev.couchannel.payment.intent.PaymentIntents;
import dev.couchannel.payment.intent.PaymentProvider;
import dev.couchannel.payment.intent.PaymentStatus;
import dev.couchannel.payment.intent.ProviderResult;
import dev.couchannel.payment.ledger.Account;
import dev.couchannel.payment.ledger.Balance;
import dev.couchannel.payment.ledger.JournalEntry;
import dev.couchannel.payment.ledger.Ledger;
import dev.couchannel.payment.ledger.Money;
import dev.couchannel.payment.payout.application.HostPayouts;
import dev.couchannel.platform.messaging.CloudEvent;
import dev.couchannel.platform.messaging.KafkaCloudEvents;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.platform.testing.TestClock;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Host payouts end to end in the payment service (ADR 18): session facts from inventory's events,
 * captures, refunds and penalties through the saga's commands, the payout poller against the sandbox
 * provider and the real ledger, time from the shared {@link TestClock}.
 */
class PayoutsIT extends PaymentServiceTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** Session length (3 h) + dispute window (72 h). */
    static final Duration END_AND_WINDOW = Duration.ofHours(75);

    static final JsonMapper JSON = JsonMapper.builder().build();

    final TestClock clock = TestClock.Config.SHARED;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    HostPayouts hostPayouts;

    @Autowired
    Payouts payouts;

    @Autowired
    PaymentProvider provider;

    @Autowired
    PaymentIntents intents;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    TopicProbe events;
    String host;

    @BeforeEach
    void aHostOfItsOwn() {
        events = TopicProbe.on(Topics.PAYMENT_EVENTS);
        host = "host-" + UUID.randomUUID() + "@example.com";
    }

    @AfterEach
    void closeProbe() {
        events.close();
    }

    @Test
    void aHostIsPaidOnlyOnceTheSessionHasEndedAndItsDisputeWindowHasPassedNotOneSecondBefore() throws Exception {
        Instant payableAt = clock.instant().plusSeconds(2);
        String session = session(payableAt.minus(END_AND_WINDOW));
        UUID booking = captured(session, "50.00");

        hostPayouts.run();
        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();

        assertThat(clock.instant()).isEqualTo(payableAt.minusSeconds(1));
        assertThat(payoutsOfHost()).as("one second before the window ends").isEmpty();
        assertThat(hostPayable()).isEqualTo(eur("-45.00"));

        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();

        Map<String, Object> payout = paidPayout();
        assertThat(payout).containsEntry("amount", new java.math.BigDecimal("45.00"));
        assertThat(hostPayable())
                .as("host_payable:<host> debited by the payout")
                .isEqualTo(eur("0.00"));
        assertThat(payoutEntries()).hasSize(1);
        JournalEntry entry = payoutEntries().getFirst();
        assertThat(entry.legs())
                .extracting(leg -> leg.account().name() + " " + leg.amount())
                .containsExactlyInAnyOrder("host_payable:" + host + " 45.00 EUR", "provider_clearing -45.00 EUR");
        assertThat(transfersToHost()).isEqualTo(1);

        HostPaidOut paidOut = parse(events.await(record -> host.equals(record.key()), WAIT), HostPaidOut.parser());
        assertThat(paidOut.getAmount().getAmount()).isEqualTo("45.00");
        assertThat(paidOut.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(paidOut.getBookingIdsList()).containsExactly(booking.toString());
        assertThat(paidOut.getPayoutId()).isEqualTo(payout.get("id").toString());
        assertThat(paidOut.getProviderRef()).startsWith("tr_");
    }

    @Test
    void pollersRacingForTheSameMoneyPayItExactlyOnce() throws Exception {
        Instant payableAt = clock.instant().plusSeconds(1);
        String session = session(payableAt.minus(END_AND_WINDOW));
        captured(session, "50.00");
        captured(session, "30.00");

        int pollers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(pollers);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < pollers; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    hostPayouts.run();
                    return null;
                }));
            }
            clock.advance(Duration.ofSeconds(1));
            start.countDown(); // the service's own scheduled poller races them too
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        paidPayout();
        assertThat(payoutsOfHost()).hasSize(1);
        assertThat(payoutsOfHost().getFirst()).containsEntry("amount", new java.math.BigDecimal("72.00"));
        assertThat(transfersToHost()).isEqualTo(1);
        assertThat(payoutEntries()).hasSize(1);
        assertThat(hostPayable()).isEqualTo(eur("0.00"));
        events.await(record -> host.equals(record.key()), WAIT);
        assertThat(events.readToEnd(WAIT).stream().filter(record -> host.equals(record.key())))
                .as("one HostPaidOut")
                .hasSize(1);

        hostPayouts.run();
        assertThat(payoutsOfHost()).as("nothing left to pay").hasSize(1);
    }

    @Test
    void aCrashBetweenTheProviderCallAndTheRecordIsRecoveredWithoutASecondTransfer() throws Exception {
        Instant payableAt = clock.instant().plusSeconds(1);
        captured(session(payableAt.minus(END_AND_WINDOW)), "50.00");
        clock.advance(Duration.ofSeconds(1));
        // as if an instance had planned the payout, leased it, called the provider and crashed before recording
        Payout planned = transactions.execute(status -> {
            payouts.lockHost(host); // the scheduled poller plans this host after us, and finds the payout unpaid
            PayoutPlan plan = PayoutPlan.of(host, payouts.balancesOf(host), hostPayouts.schedule(), clock.instant())
                    .getFirst();
            Payout payout = Payout.of(plan, UUID.randomUUID(), clock.instant());
            payout.destinationFor(host);
            payouts.add(payout, plan.items());
            jdbc.sql("UPDATE payouts SET locked_until = :until WHERE id = :id")
                    .param("until", java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(2))))
                    .param("id", payout.id())
                    .update();
            return payout;
        });
        ProviderResult first = provider.payout(planned.idempotencyKey(), host, planned.amount());

        hostPayouts.run();
        assertThat(onlyPayout()).as("leased by the crashed instance").containsEntry("status", "PENDING");
        assertThat(hostPayable()).isEqualTo(eur("-45.00"));

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        hostPayouts.run();

        Map<String, Object> paid = paidPayout();
        assertThat(paid).containsEntry("provider_ref", ((ProviderResult.Approved) first).providerRef());
        assertThat(transfersToHost()).isEqualTo(1);
        assertThat(payoutEntries()).hasSize(1);
        assertThat(hostPayable()).isEqualTo(eur("0.00"));
    }

    @Test
    void aRefusedPayoutLeavesTheLedgerUntouchedAndIsRetriedToTheAccountTheHostFixes() throws Exception {
        assertThat(put("/api/hosts/me/payout-account", "{\"accountId\":\"acct_declined\"}", host)
                        .statusCode())
                .isEqualTo(200);
        Instant payableAt = clock.instant().plusSeconds(1);
        captured(session(payableAt.minus(END_AND_WINDOW)), "20.00");

        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();

        Map<String, Object> failed = payoutAfterAttempts(1);
        assertThat(failed)
                .containsEntry("status", "FAILED")
                .containsEntry("failure_code", "account_closed")
                .containsEntry("attempts", 1)
                .containsEntry("key_generation", 1);
        assertThat(hostPayable()).as("ledger untouched").isEqualTo(eur("-18.00"));
        assertThat(payoutEntries()).isEmpty();
        assertThat(transfersToHost()).isZero();
        JsonNode view = json(get("/api/hosts/me/payouts", host));
        assertThat(view.path("payouts").path(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(view.path("payouts").path(0).path("failureReason").asString())
                .contains("acct_declined");

        String account = "acct_fixed_" + UUID.randomUUID().toString().replace("-", "");
        put("/api/hosts/me/payout-account", "{\"accountId\":\"" + account + "\"}", host);
        hostPayouts.run();
        assertThat(onlyPayout()).as("waits for its backoff").containsEntry("status", "FAILED");

        clock.advance(Duration.ofMinutes(1));
        hostPayouts.run();

        Map<String, Object> paid = paidPayout();
        assertThat(paid).containsEntry("destination", account).containsEntry("attempts", 2);
        assertThat(jdbc.sql("SELECT idempotency_key FROM sandbox_transfers WHERE destination = :account")
                        .param("account", account)
                        .query(String.class)
                        .list())
                .containsExactly("payout:" + paid.get("id") + ":1");
        assertThat(hostPayable()).isEqualTo(eur("0.00"));
        assertThat(payoutEntries()).hasSize(1);
    }

    @Test
    void aProviderThatCannotAnswerIsAskedAgainUnderTheSameKeyAndTheSameDestination() throws Exception {
        put("/api/hosts/me/payout-account", "{\"accountId\":\"acct_error\"}", host);
        Instant payableAt = clock.instant().plusSeconds(1);
        captured(session(payableAt.minus(END_AND_WINDOW)), "20.00");
        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();
        assertThat(payoutAfterAttempts(1)).containsEntry("destination", "acct_error");

        put("/api/hosts/me/payout-account", "{\"accountId\":\"acct_other\"}", host);
        clock.advance(Duration.ofMinutes(1));
        hostPayouts.run();

        assertThat(payoutAfterAttempts(2))
                .containsEntry("status", "FAILED")
                .containsEntry("failure_code", "provider_unavailable")
                .containsEntry("key_generation", 0)
                .containsEntry("destination", "acct_error")
                .containsEntry("attempts", 2);
        assertThat(hostPayable()).isEqualTo(eur("-18.00"));
        assertThat(payoutEntries()).isEmpty();
    }

    @Test
    void aHostCancellationPenaltyIsDeductedFromThePayout() throws Exception {
        Instant payableAt = clock.instant().plusSeconds(1);
        UUID attended = captured(session(payableAt.minus(END_AND_WINDOW)), "50.00");
        UUID cancelled = captured(session(clock.instant().plus(Duration.ofDays(5))), "20.00");
        hostCancelled(cancelled, "20.00", "4.00");

        hostPayouts.run();
        assertThat(payoutsOfHost()).as("the penalty alone is no payout").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();

        Map<String, Object> payout = paidPayout();
        assertThat(payout).containsEntry("amount", new java.math.BigDecimal("41.00"));
        assertThat(items(payout))
                .containsEntry(attended, new java.math.BigDecimal("45.00"))
                .containsEntry(cancelled, new java.math.BigDecimal("-4.00"));
        assertThat(hostPayable()).isEqualTo(eur("0.00"));
    }

    @Test
    void aNegativeNetCarriesOverToTheNextPayout() throws Exception {
        Instant payableAt = clock.instant().plusSeconds(1);
        captured(session(payableAt.minus(END_AND_WINDOW)), "10.00");
        UUID cancelled = captured(session(clock.instant().plus(Duration.ofDays(5))), "50.00");
        hostCancelled(cancelled, "50.00", "10.00");
        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();

        assertThat(payoutsOfHost())
                .as("9.00 due − 10.00 penalty: nothing to pay")
                .isEmpty();
        JsonNode balance =
                json(get("/api/hosts/me/payouts", host)).path("balances").path(0);
        assertThat(balance.path("due").path("amount").asString()).isEqualTo("-1.00");
        assertThat(hostPayable()).as("the host owes 1.00").isEqualTo(eur("1.00"));

        Instant laterPayableAt = clock.instant().plusSeconds(1);
        UUID later = captured(session(laterPayableAt.minus(END_AND_WINDOW)), "30.00");
        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();

        Map<String, Object> payout = paidPayout();
        assertThat(payout).containsEntry("amount", new java.math.BigDecimal("26.00"));
        assertThat(items(payout)).hasSize(3).containsEntry(later, new java.math.BigDecimal("27.00"));
        assertThat(hostPayable()).isEqualTo(eur("0.00"));
    }

    @Test
    void theHostSeesTheirPendingBalanceAndWhenItBecomesPayableButNobodyElsesPayouts() throws Exception {
        Instant kickoff = clock.instant().plus(Duration.ofHours(20));
        String session = session(kickoff);
        captured(session, "50.00");
        String otherHost = host;
        host = "host-" + UUID.randomUUID() + "@example.com";
        Instant payableAt = clock.instant().plusSeconds(1);
        captured(session(payableAt.minus(END_AND_WINDOW)), "10.00");
        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();
        paidPayout();

        JsonNode others = json(get("/api/hosts/me/payouts", otherHost));
        JsonNode mine = json(get("/api/hosts/me/payouts", host));

        assertThat(others.path("hostId").asString()).isEqualTo(otherHost);
        assertThat(others.path("payouts")).isEmpty();
        JsonNode pending = others.path("balances").path(0);
        assertThat(pending.path("due").path("amount").asString()).isEqualTo("0.00");
        assertThat(pending.path("pending").path("amount").asString()).isEqualTo("45.00");
        assertThat(Instant.parse(pending.path("nextPayableAt").asString())).isEqualTo(kickoff.plus(END_AND_WINDOW));
        assertThat(pending.path("upcoming").path(0).path("sessionId").asString())
                .isEqualTo(session);
        assertThat(mine.path("payouts")).hasSize(1);
        assertThat(mine.path("payouts").path(0).path("status").asString()).isEqualTo("PAID");
        assertThat(mine.path("payouts").path(0).path("amount").path("amount").asString())
                .isEqualTo("9.00");
        assertThat(mine.path("balances")).isEmpty();
    }

    @Test
    void theReconciliationBalancesAndListsAPlantedMismatch() throws Exception {
        Instant payableAt = clock.instant().plusSeconds(1);
        captured(session(payableAt.minus(END_AND_WINDOW)), "50.00");
        UUID refunded = captured(session(clock.instant().plus(Duration.ofDays(2))), "40.00");
        hostCancelled(refunded, "10.00", "2.00");
        clock.advance(Duration.ofSeconds(1));
        hostPayouts.run();
        paidPayout();
        String paidHost = host;
        host = "host-" + UUID.randomUUID() + "@example.com";
        UUID planted = captured(session(clock.instant().plus(Duration.ofDays(2))), "20.00");
        // a penalty in the ledger that no intent knows of: the books still balance, the host's payable does not
        transactions.executeWithoutResult(
                status -> ledger.post(JournalEntry.hostPenalty(UUID.randomUUID(), host, eur("5.00"), clock.instant())));

        HttpResponse<String> response = get("/api/admin/reconciliation?currency=EUR", "admin@example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.path("currencies")).hasSize(1);
        assertThat(report.path("currencies").path(0).path("balanced").asBoolean())
                .isTrue();
        assertThat(report.path("currencies").path(0).path("sum").path("amount").asString())
                .isEqualTo("0.00");
        JsonNode paid = hostIn(report.path("hosts"), paidHost);
        assertThat(paid.path("matches").asBoolean()).isTrue();
        // 45.00 + 36.00 captured − 9.00 refunded − 2.00 penalty − 45.00 paid out (the rest is in its window)
        assertThat(paid.path("ledger").path("amount").asString()).isEqualTo("25.00");
        assertThat(paid.path("expected").path("amount").asString()).isEqualTo("25.00");
        assertThat(hostIn(report.path("mismatches"), paidHost)).isNull();
        JsonNode mismatch = hostIn(report.path("mismatches"), host);
        assertThat(mismatch).isNotNull();
        assertThat(mismatch.path("ledger").path("amount").asString()).isEqualTo("13.00");
        assertThat(mismatch.path("expected").path("amount").asString()).isEqualTo("18.00");
        assertThat(mismatch.path("difference").path("amount").asString()).isEqualTo("-5.00");
        assertThat(report.path("balanced").asBoolean()).isFalse();
        assertThat(intents.find(planted)).isPresent();
    }

    @Test
    void onlyHostsReadPayoutsOnlyAdminsReadTheReconciliationAndBadInputIsAProblem() throws Exception {
        assertThat(get("/api/hosts/me/payouts", null).statusCode()).isEqualTo(401);
        assertProblem(get("/api/hosts/me/payouts", "guest@example.com"), 403, "host");
        assertProblem(get("/api/hosts/me/payouts?limit=0", host), 400, "limit");
        assertProblem(get("/api/hosts/me/payouts?limit=many", host), 400, "limit");
        assertThat(get("/api/hosts/me/payouts?limit=100", host).statusCode()).isEqualTo(200);

        assertProblem(put("/api/hosts/me/payout-account", "{\"accountId\":\"IBAN DE00 1234\"}", host), 400, "acct_");
        assertProblem(put("/api/hosts/me/payout-account", "{}", host), 400, "acct_");
        assertThat(put("/api/hosts/me/payout-account", "{\"accountId\":", host).statusCode())
                .isEqualTo(400);
        assertProblem(put("/api/hosts/me/payout-account", "{\"accountId\":\"acct_1\"}", "guest@example.com"), 403, "");
        assertThat(jdbc.sql("SELECT count(*) FROM payout_accounts WHERE host_id = :host")
                        .param("host", host)
                        .query(Long.class)
                        .single())
                .as("nothing half-written")
                .isZero();

        assertThat(get("/api/admin/reconciliation", null).statusCode()).isEqualTo(401);
        assertProblem(get("/api/admin/reconciliation", host), 403, "admin");
        assertProblem(get("/api/admin/reconciliation?currency=EURO", "admin@example.com"), 400, "ISO 4217");
        assertThat(get("/api/admin/reconciliation", "admin@example.com").statusCode())
                .isEqualTo(200);
    }

    // --- the flow through the service's real inputs

    /** A session of this test's host, as inventory announces it. */
    private String session(Instant kickoff) {
        String session = UUID.randomUUID().toString();
        SessionPublished published = SessionPublished.newBuilder()
                .setSessionId(session)
                .setVenueId(UUID.randomUUID().toString())
                .setHostId(host)
                .setFixtureId(UUID.randomUUID().toString())
                .setCapacity(10)
                .setKickoff(WireTime.of(kickoff))
                .setAt(WireTime.of(clock.instant()))
                .build();
        send(Topics.INVENTORY_EVENTS, "inventory", session, published);
        await().atMost(WAIT)
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM session_facts WHERE session_id = :s AND kickoff IS NOT NULL")
                                        .param("s", session)
                                        .query(Long.class)
                                        .single()
                                == 1);
        return session;
    }

    /** A booking of the session whose payment the saga authorized and captured. */
    private UUID captured(String session, String amount) {
        UUID booking = UUID.randomUUID();
        send(
                Topics.PAYMENT_COMMANDS,
                "booking",
                booking.toString(),
                AuthorizePayment.newBuilder()
                        .setBookingId(booking.toString())
                        .setGuestId("guest@example.com")
                        .setHostId(host)
                        .setSessionId(session)
                        .setAmount(wire(amount))
                        .setPaymentMethod("pm_card_visa")
                        .build());
        send(
                Topics.PAYMENT_COMMANDS,
                "booking",
                booking.toString(),
                CapturePayment.newBuilder().setBookingId(booking.toString()).build());
        await().atMost(WAIT).until(() -> intents.find(booking)
                .map(PaymentIntent::status)
                .filter(PaymentStatus.CAPTURED::equals)
                .isPresent());
        return booking;
    }

    /** The host cancelled the booking's session: the guest gets {@code refund} back, the host pays {@code penalty}. */
    private void hostCancelled(UUID booking, String refund, String penalty) {
        send(
                Topics.PAYMENT_COMMANDS,
                "booking",
                booking.toString(),
                RefundPayment.newBuilder()
                        .setBookingId(booking.toString())
                        .setAmount(wire(refund))
                        .setReason("host cancelled the session")
                        .setHostPenalty(wire(penalty))
                        .build());
        await().atMost(WAIT).until(() -> intents.find(booking)
                .flatMap(PaymentIntent::hostPenalty)
                .isPresent());
    }

    private void send(String topic, String source, String key, Message message) {
        CloudEvent event = ProtobufEvents.wrap(source, key, message, Instant.now());
        kafka.send(KafkaCloudEvents.toRecord(topic, event));
    }

    // --- what the books say

    private List<Map<String, Object>> payoutsOfHost() {
        return jdbc.sql("SELECT * FROM payouts WHERE host_id = :host ORDER BY created_at")
                .param("host", host)
                .query()
                .listOfRows();
    }

    private Map<String, Object> onlyPayout() {
        List<Map<String, Object>> payouts = payoutsOfHost();
        assertThat(payouts).hasSize(1);
        return payouts.getFirst();
    }

    /** Waits until the host's only payout has had {@code attempts} attempts recorded. */
    private Map<String, Object> payoutAfterAttempts(int attempts) {
        await().atMost(WAIT).until(() -> {
            List<Map<String, Object>> payouts = payoutsOfHost();
            return payouts.size() == 1
                    && ((Number) payouts.getFirst().get("attempts")).intValue() >= attempts
                    && payouts.getFirst().get("locked_until") == null;
        });
        return onlyPayout();
    }

    /** Waits for the host's latest payout to be PAID (the scheduled poller may be the one that pays it). */
    private Map<String, Object> paidPayout() {
        await().atMost(WAIT).until(() -> {
            List<Map<String, Object>> payouts = payoutsOfHost();
            return !payouts.isEmpty() && "PAID".equals(payouts.getLast().get("status"));
        });
        return payoutsOfHost().getLast();
    }

    private Map<UUID, java.math.BigDecimal> items(Map<String, Object> payout) {
        Map<UUID, java.math.BigDecimal> items = new java.util.HashMap<>();
        jdbc.sql("SELECT booking_id, amount FROM payout_items WHERE payout_id = :id")
                .param("id", payout.get("id"))
                .query((rs, n) -> items.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2)))
                .list();
        return items;
    }

    private Money hostPayable() {
        return ledger.balances().stream()
                .filter(balance -> balance.account().equals(Account.hostPayable(host)))
                .map(Balance::amount)
                .findFirst()
                .orElse(eur("0.00"));
    }

    private List<JournalEntry> payoutEntries() {
        return jdbc.sql("""
                        SELECT DISTINCT e.payout_id FROM journal_entries e JOIN payouts p ON p.id = e.payout_id
                        WHERE p.host_id = :host""").param("host", host).query((rs, n) -> rs.getObject(1, UUID.class)).list().stream()
                .flatMap(payout -> entriesOfPayout(payout).stream())
                .toList();
    }

    private List<JournalEntry> entriesOfPayout(UUID payout) {
        record Row(UUID id, Instant at, Account account, Money amount) {}
        List<Row> rows = jdbc.sql("""
                        SELECT e.id, e.posted_at, l.account, l.amount, l.currency
                        FROM journal_entries e JOIN journal_legs l ON l.entry_id = e.id
                        WHERE e.payout_id = :payout AND e.kind = 'PAYOUT' ORDER BY l.leg_no""")
                .param("payout", payout)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        new Account(rs.getString(3)),
                        Money.of(rs.getBigDecimal(4).toPlainString(), rs.getString(5))))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of(new JournalEntry(
                rows.getFirst().id(),
                null,
                JournalEntry.Kind.PAYOUT,
                "payout",
                rows.getFirst().at(),
                rows.stream()
                        .map(row -> new dev.couchannel.payment.ledger.Leg(row.account(), row.amount()))
                        .toList(),
                payout));
    }

    private long transfersToHost() {
        return jdbc.sql("""
                        SELECT count(*) FROM sandbox_transfers t
                        WHERE t.idempotency_key IN (SELECT 'payout:' || id || ':' || g FROM payouts,
                                                    generate_series(0, key_generation) g WHERE host_id = :host)""").param("host", host).query(Long.class).single();
    }

    // --- HTTP

    private HttpResponse<String> get(String path, @Nullable String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(user))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("detail").asString()).contains(detailContains);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        return JSON.readTree(response.body());
    }

    private static @Nullable JsonNode hostIn(JsonNode hosts, String hostId) {
        for (JsonNode host : hosts) {
            if (hostId.equals(host.path("hostId").asString())) {
                return host;
            }
        }
        return null;
    }

    private static <T extends Message> T parse(
            ConsumerRecord<String, byte[]> record, com.google.protobuf.Parser<T> parser) {
        try {
            return parser.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("HostPaidOut does not parse", e);
        }
    }

    private static dev.couchannel.contracts.common.v1.Money wire(String amount) {
        return dev.couchannel.contracts.common.v1.Money.newBuilder()
                .setAmount(amount)
                .setCurrency("EUR")
                .build();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
