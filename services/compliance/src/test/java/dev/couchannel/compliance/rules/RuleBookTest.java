package dev.couchannel.compliance.rules;

import static dev.couchannel.compliance.rules.RuleFixtures.NOW;
import static dev.couchannel.compliance.rules.RuleFixtures.attendeeCap;
import static dev.couchannel.compliance.rules.RuleFixtures.camdenClubRoom;
import static dev.couchannel.compliance.rules.RuleFixtures.commercialNeedsCommercial;
import static dev.couchannel.compliance.rules.RuleFixtures.londonFlat;
import static dev.couchannel.compliance.rules.RuleFixtures.next;
import static dev.couchannel.compliance.rules.RuleFixtures.seats;
import static dev.couchannel.compliance.rules.RuleFixtures.ukBlackout;
import static dev.couchannel.compliance.rules.RuleFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine: which version of a rule counts, which rules apply, and how their findings combine. */
class RuleBookTest {

    final RuleBook seeded = new RuleBook(List.of(ukBlackout(), commercialNeedsCommercial(), attendeeCap()));

    @Test
    void aShowingThatBreaksNoRuleIsAllowedAndListsTheRulesThatApplied() {
        Verdict verdict = seeded.judge(londonFlat().forBooking(2), NOW);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.rulesEvaluated())
                .as("a home venue is out of commercial-needs-commercial's scope")
                .containsExactly("attendee-cap@1", "uk-3pm-blackout@1");
    }

    @Test
    void everyBrokenRuleIsAFindingWithItsVersionAndAReadableReason() {
        Facts saturdayClub = seats(
                with(
                        camdenClubRoom(Licence.RESIDENTIAL),
                        "Premier League",
                        next(NOW, DayOfWeek.SATURDAY, LocalTime.of(15, 0))),
                60,
                60);

        Verdict verdict = seeded.judge(saturdayClub, NOW);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.findings())
                .extracting(Finding::ruleId)
                .containsExactly("attendee-cap@1", "commercial-needs-commercial@1", "uk-3pm-blackout@1");
        assertThat(verdict.findings())
                .extracting(Finding::reason)
                .contains(
                        "Commercial premises need a commercial streaming package (rule commercial-needs-commercial@1).",
                        "No live football between 14:45 and 17:15 on a Saturday in the UK; kickoff 15:00 (rule uk-3pm-blackout@1).",
                        "60 people, limit 25 (the limit of a residential licence) (rule attendee-cap@1).");
        assertThat(verdict.reason()).isEqualTo(verdict.findings().getFirst().reason());
    }

    @Test
    void aRuleOutsideItsScopeIsNotEvaluated() {
        Facts saturdayInWarsaw = new Facts(
                "s",
                "Ekstraklasa",
                next(NOW, DayOfWeek.SATURDAY, LocalTime.of(15, 0)),
                java.math.BigDecimal.TEN,
                6,
                6,
                VenueType.HOME,
                "PL",
                6,
                1,
                55,
                2,
                List.of(new StreamingPackage("Canal+", Licence.RESIDENTIAL, "PL")),
                0);

        Verdict verdict = seeded.judge(saturdayInWarsaw, NOW);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.rulesEvaluated()).containsExactly("attendee-cap@1");
    }

    @Test
    void theHighestVersionOfARuleIsTheOneThatCounts() {
        Rule v1 = RuleFixtures.rule("no-fee", RuleKind.NO_ADMISSION_FEE, RuleScope.ANY, Map.of(), "v1 (rule {rule})");
        Rule v2 = new Rule(
                "no-fee",
                2,
                true,
                RuleKind.NO_ADMISSION_FEE,
                new RuleScope(null, "super bowl", null, null),
                new RuleParameters(Map.of()),
                "v2 (rule {rule})");
        RuleBook book = new RuleBook(List.of(v2, v1));

        assertThat(book.current()).containsExactly(v2);
        assertThat(book.nextVersion("no-fee")).isEqualTo(3);
        assertThat(book.nextVersion("brand-new")).isEqualTo(1);
        assertThat(book.judge(londonFlat(), NOW).allowed())
                .as("v2 narrowed the scope to the Super Bowl")
                .isTrue();
        assertThat(new RuleBook(List.of(v1)).judge(londonFlat(), NOW).findings())
                .containsExactly(new Finding("no-fee@1", "v1 (rule no-fee@1)"));
    }

    @Test
    void aDisabledCurrentVersionSilencesTheRuleWithoutRevivingAnOlderOne() {
        Rule v1 = RuleFixtures.rule("no-fee", RuleKind.NO_ADMISSION_FEE, RuleScope.ANY, Map.of(), "v1");
        Rule v2 = new Rule(
                "no-fee", 2, true, RuleKind.NO_ADMISSION_FEE, RuleScope.ANY, new RuleParameters(Map.of()), "v2");

        RuleBook book = new RuleBook(List.of(v1, v2.disable()));

        assertThat(book.current()).isEmpty();
        assertThat(book.judge(londonFlat(), NOW).allowed()).isTrue();
    }

    @Test
    void aDraftIsValidatedAgainstItsKindsParameters() {
        RuleDraft good = new RuleDraft(
                "uk-3pm-blackout",
                "BLACKOUT_WINDOW",
                "GB",
                "premier league",
                null,
                null,
                Map.of("day", "SATURDAY", "from", "14:45", "to", "17:15", "zone", "Europe/London"),
                "No (rule {rule}).",
                true);
        RuleDraft bad = new RuleDraft(
                "UK Blackout",
                "BLACKOUT_WINDOW",
                "gb",
                "premier (league",
                "PUB",
                null,
                Map.of("day", "CAKEDAY", "from", "14:45", "to", "17:15", "zone", "Mars/Olympus", "extra", "1"),
                " ",
                true);

        assertThat(good.problems()).isEmpty();
        assertThat(good.toRule(4).ref()).isEqualTo("uk-3pm-blackout@4");
        assertThat(bad.problems())
                .containsOnlyKeys(
                        "id",
                        "parameters.day",
                        "parameters.zone",
                        "parameters.extra",
                        "scope.venueType",
                        "scope.territory",
                        "scope.competition",
                        "reason");
        assertThat(new RuleDraft("x", "TELEPATHY", null, null, null, null, Map.of(), "r", true).problems())
                .containsOnlyKeys("kind");
    }
}
