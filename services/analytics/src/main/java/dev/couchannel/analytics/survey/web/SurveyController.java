package dev.couchannel.analytics.survey.web;

import dev.couchannel.analytics.survey.Survey;
import dev.couchannel.analytics.survey.application.Surveys;
import dev.couchannel.platform.service.ApiProblem;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The survey behind the links of its mail. No sign-in: the unguessable token is the credential.
 * A GET never records anything (mail scanners prefetch links): it shows the question, and only the
 * POST that the page (or a client) sends records the score, once.
 */
@RestController
class SurveyController {

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    record SurveyView(String status, @Nullable Integer score, Instant kickoff, String question) {
        static SurveyView of(Survey survey) {
            return new SurveyView(
                    survey.answered() ? "ANSWERED" : "OPEN", survey.score(), survey.kickoff(), Survey.QUESTION);
        }
    }

    @GetMapping("/api/surveys/{token}")
    ResponseEntity<?> show(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String score,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        Integer preselected = score == null || score.isBlank() ? null : score(score);
        Survey survey = surveys.find(token).orElseThrow(SurveyController::unknown);
        if (wantsHtml(accept)) {
            return html(SurveyPage.question(token, survey, preselected));
        }
        return ResponseEntity.ok(SurveyView.of(survey));
    }

    @PostMapping(value = "/api/surveys/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SurveyView answer(@PathVariable String token, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        Object score = body == null ? null : body.get("score");
        if (!(score instanceof Integer given)) {
            throw invalid(
                    score == null
                            ? "score is required: a whole number from 0 to 10."
                            : "score must be a whole number from 0 to 10, not " + score + ".");
        }
        return SurveyView.of(answered(token, given));
    }

    /** The survey page's own form. */
    @PostMapping(value = "/api/surveys/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> answerForm(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String score,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        if (score == null || score.isBlank()) {
            throw invalid("score is required: a whole number from 0 to 10.");
        }
        Survey survey = answered(token, score(score));
        return wantsHtml(accept) ? html(SurveyPage.thanks(survey)) : ResponseEntity.ok(SurveyView.of(survey));
    }

    private Survey answered(String token, int score) {
        Survey.Answer answer = surveys.answer(token, score).orElseThrow(SurveyController::unknown);
        return switch (answer) {
            case Survey.Answer.Recorded(Survey survey) -> survey;
            case Survey.Answer.AlreadyAnswered() ->
                throw new ApiProblem(
                        HttpStatus.CONFLICT,
                        "Already answered",
                        "This survey was answered already; each survey takes one answer.",
                        Map.of("reason", "ALREADY_ANSWERED"));
            case Survey.Answer.InvalidScore(String message) -> throw invalid(message);
        };
    }

    private static int score(String text) {
        try {
            int score = Integer.parseInt(text.trim());
            if (score >= 0 && score <= 10) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("score must be a whole number from 0 to 10, not '" + text + "'.");
    }

    private static ApiProblem invalid(String message) {
        return ApiProblem.invalidField("score", message);
    }

    private static ApiProblem unknown() {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "No survey has this link; copy the whole link from the mail.",
                Map.of());
    }

    private static boolean wantsHtml(@Nullable String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page);
    }
}
