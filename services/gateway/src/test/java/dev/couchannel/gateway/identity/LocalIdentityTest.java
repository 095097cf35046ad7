package dev.couchannel.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalIdentityTest {

    private final LocalIdentity local = new LocalIdentity(new SecurityProperties("local"));

    @Test
    void anonymousWithoutAuthorization() {
        assertThat(local.authenticate(null)).isEmpty();
    }

    @Test
    void aLocalTokenNamesTheCallerInLowerCase() {
        assertThat(local.authenticate("bearer local:Host.One+tv@Example.COM")).hasValue("host.one+tv@example.com");
    }

    @Test
    void refusesMalformedAddresses() {
        for (String token :
                new String[] {"local:a@b", "local:@example.com", "local:a b@example.com", "local:a@@b.com"}) {
            assertThatThrownBy(() -> local.authenticate("Bearer " + token))
                    .as(token)
                    .isInstanceOf(Unauthenticated.class);
        }
        assertThatThrownBy(() -> local.authenticate("Bearer local:" + "a".repeat(250) + "@example.com"))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void outsideLocalModeEveryBearerTokenIsRefused() {
        LocalIdentity production = new LocalIdentity(new SecurityProperties("oidc"));

        assertThatThrownBy(() -> production.authenticate("Bearer local:guest@example.com"))
                .isInstanceOf(Unauthenticated.class)
                .hasMessageNotContaining("local:");
        assertThat(production.authenticate(null)).isEmpty();
    }
}
