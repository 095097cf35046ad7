package dev.couchannel.platform.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

    final AtomicLong now = new AtomicLong();
    final AtomicInteger asked = new AtomicInteger();
    final RecentAnswers<String, String> answers =
            new RecentAnswers<>(Duration.ofSeconds(1), 2, answer -> !answer.startsWith("no"), now::get);

    String ask(String key) {
        asked.incrementAndGet();
        return key.equals("gone") ? "no such session" : "facts of " + key + " #" + asked.get();
    }

    @Test
    void aKeptAnswerIsUsedWhileFreshAndAskedAgainAfter() {
        assertThat(answers.get("s1", this::ask)).isEqualTo("facts of s1 #1");
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(answers.get("s1", this::ask)).isEqualTo("facts of s1 #1");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(answers.get("s1", this::ask)).isEqualTo("facts of s1 #2");
        assertThat(asked).hasValue(2);
    }

    @Test
    void anAnswerNotWorthKeepingIsAskedEveryTime() {
        answers.get("gone", this::ask);
        answers.get("gone", this::ask);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aFailureIsNotKept() {
        assertThatThrownBy(() -> answers.get("s1", key -> {
                    throw new IllegalStateException("down");
                }))
                .hasMessage("down");
        assertThat(answers.get("s1", this::ask)).isEqualTo("facts of s1 #1");
    }

    @Test
    void pastItsCapacityTheStaleAnswersGoFirst() {
        answers.get("s1", this::ask);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        answers.get("s2", this::ask);
        answers.get("s3", this::ask); // s1 is stale and goes; s2 stays
        assertThat(answers.get("s2", this::ask)).isEqualTo("facts of s2 #2");
        assertThat(asked).hasValue(3);
    }

    @Test
    void zeroFreshnessKeepsNothing() {
        RecentAnswers<String, String> never = new RecentAnswers<>(Duration.ZERO, 2, answer -> true, now::get);
        never.get("s1", this::ask);
        never.get("s1", this::ask);
        assertThat(asked).hasValue(2);
    }
}
