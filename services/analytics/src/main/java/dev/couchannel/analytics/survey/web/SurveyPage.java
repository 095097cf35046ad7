package dev.couchannel.analytics.survey.web;

import dev.couchannel.analytics.survey.Survey;
import org.jspecify.annotations.Nullable;

/**
 * The small pages a browser gets: the question with a button per score (a form that POSTs; no
 * script, so the gateway's content security policy needs nothing), and the thanks. The token is
 * base64url, checked before any page is made, so it needs no escaping.
 */
final class SurveyPage {

    private SurveyPage() {}

    static String question(String token, Survey survey, @Nullable Integer preselected) {
        if (survey.answered()) {
            return thanks(survey);
        }
        StringBuilder buttons = new StringBuilder();
        for (int score = 0; score <= 10; score++) {
            boolean chosen = preselected != null && preselected == score;
            buttons.append("<button type=\"submit\" name=\"score\" value=\"")
                    .append(score)
                    .append('"')
                    .append(chosen ? " autofocus" : "")
                    .append('>')
                    .append(chosen ? "<strong>" + score + "</strong>" : String.valueOf(score))
                    .append("</button>\n");
        }
        String confirm = preselected == null
                ? "<p>Choose a score to send it.</p>"
                : "<p>You chose <strong>" + preselected
                        + "</strong>. Press it again to send it, or choose another.</p>";
        return page("""
                <h1>How was the match?</h1>
                <p>%s</p>
                %s
                <form method="post" action="/api/surveys/%s">
                %s</form>
                """.formatted(Survey.QUESTION, confirm, token, buttons));
    }

    static String thanks(Survey survey) {
        return page("<h1>Thank you!</h1>\n<p>Your answer: <strong>" + survey.score() + "</strong> out of 10.</p>\n");
    }

    private static String page(String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>couchannel survey</title></head>
                <body>
                %s</body>
                </html>
                """.formatted(body);
    }
}
