package dev.couchannel.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    final UnsubscribeTokens tokens = new UnsubscribeTokens("secret");

    @Test
    void aGenuineTokenNamesItsUserAndCategory() {
        String token = tokens.issue("a@example.com", Category.WAITLIST);

        assertThat(tokens.verify(token)).contains(new UnsubscribeTokens.Subject("a@example.com", Category.WAITLIST));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrChangedIsRefused() {
        String other = new UnsubscribeTokens("other").issue("a@example.com", Category.BOOKINGS);
        String token = tokens.issue("a@example.com", Category.BOOKINGS);
        String changed = tokens.issue("b@example.com", Category.BOOKINGS).split("\\.")[0] + "." + token.split("\\.")[1];

        assertThat(tokens.verify(other)).isEmpty();
        assertThat(tokens.verify(changed)).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }
}
