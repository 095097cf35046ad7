package dev.couchannel.compliance.rules.application;

import com.google.protobuf.Message;
import dev.couchannel.compliance.rules.BookingVerdicts;
import dev.couchannel.compliance.rules.FactsSource;
import dev.couchannel.compliance.rules.Finding;
import dev.couchannel.compliance.rules.Rules;
import dev.couchannel.compliance.rules.Verdict;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.compliance.v1.BookingAllowed;
import dev.couchannel.contracts.compliance.v1.BookingRefused;
import dev.couchannel.contracts.compliance.v1.CheckBooking;
import dev.couchannel.platform.messaging.Inbox;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.PoisonMessage;
import dev.couchannel.platform.messaging.ProtobufEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Judges sessions and bookings by the current rules. A booking's check reads its facts over gRPC
 * before any database transaction opens (that may take seconds); the returned {@link Inbox.Completion}
 * then records the verdict, first one wins, and replies with the recorded one, so a repeated
 * {@code CheckBooking} is answered the same way even if the rules or facts changed meanwhile.
 */
@Service
public class ComplianceChecks {

    private static final String SOURCE = "compliance";

    private final Rules rules;
    private final FactsSource facts;
    private final BookingVerdicts verdicts;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    ComplianceChecks(
            Rules rules,
            FactsSource facts,
            BookingVerdicts verdicts,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters) {
        this.rules = rules;
        this.facts = facts;
        this.verdicts = verdicts;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /** The verdict on publishing a session; empty when the session does not exist. */
    public Optional<Verdict> checkSession(String sessionId) {
        return switch (facts.session(sessionId)) {
            case FactsSource.Lookup.Found found -> Optional.of(rules.book().judge(found.facts(), clock.instant()));
            case FactsSource.Lookup.NotFound notFound -> Optional.empty();
            case FactsSource.Lookup.Unavailable unavailable -> Optional.of(Verdict.refused(Finding.factsUnavailable()));
        };
    }

    public Inbox.Completion checkBooking(CheckBooking command) {
        UUID bookingId = bookingId(command.getBookingId());
        Verdict verdict = verdicts.find(bookingId).orElseGet(() -> judge(command));
        return () -> {
            verdicts.recordFirst(bookingId, command.getSessionId(), verdict, clock.instant());
            Verdict recorded = verdicts.find(bookingId).orElseThrow();
            reply(bookingId, recorded);
        };
    }

    private Verdict judge(CheckBooking command) {
        Verdict verdict =
                switch (facts.session(command.getSessionId())) {
                    case FactsSource.Lookup.Found found ->
                        rules.book().judge(found.facts().forBooking(Math.max(1, command.getSeats())), clock.instant());
                    case FactsSource.Lookup.NotFound notFound ->
                        Verdict.refused(Finding.unknownShowing(notFound.detail()));
                    case FactsSource.Lookup.Unavailable unavailable -> Verdict.refused(Finding.factsUnavailable());
                };
        Counter.builder("couchannel.compliance.booking.verdicts")
                .description("booking checks decided, by outcome and first rule that refused")
                .tag("outcome", verdict.allowed() ? "allowed" : "refused")
                .tag(
                        "rule",
                        verdict.allowed()
                                ? "none"
                                : ruleIdOnly(verdict.findings().getFirst().ruleId()))
                .register(meters)
                .increment();
        return verdict;
    }

    private void reply(UUID bookingId, Verdict verdict) {
        Message reply = verdict.allowed()
                ? BookingAllowed.newBuilder()
                        .setBookingId(bookingId.toString())
                        .addAllRulesEvaluated(verdict.rulesEvaluated())
                        .build()
                : BookingRefused.newBuilder()
                        .setBookingId(bookingId.toString())
                        .setReason(verdict.reason())
                        .addAllFindings(verdict.findings().stream()
                                .map(finding -> dev.couchannel.contracts.compliance.v1.Finding.newBuilder()
                                        .setRuleId(finding.ruleId())
                                        .setReason(finding.reason())
                                        .build())
                                .toList())
                        .build();
        outbox.append(
                Topics.BOOKING_REPLIES, ProtobufEvents.wrap(SOURCE, bookingId.toString(), reply, clock.instant()));
    }

    private static String ruleIdOnly(String ref) {
        int at = ref.indexOf('@');
        return at < 0 ? ref : ref.substring(0, at);
    }

    private static UUID bookingId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("booking_id is not a UUID: " + text, e);
        }
    }
}
