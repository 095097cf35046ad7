package dev.couchannel.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets per {@code period} ({@code couchannel.gateway.rate-limits.*}); a budget refills
 * evenly over the period.
 *
 * @param enabled whether limits apply at all
 * @param period the window each budget refers to
 * @param perIp every request from one client address
 * @param perUser every request of one signed-in user (token {@code sub} or session)
 * @param bookingPerUser {@code POST /api/bookings} of one user
 * @param loginPerIp sign-in attempts from one address: {@code POST /login}, {@code /bff/login},
 *     {@code POST /local/tokens}
 * @param redisTimeout how long a Redis round trip may take before the request passes unlimited
 * @param redisRetry how long the gateway leaves Redis alone after failing to connect
 */
@ConfigurationProperties("couchannel.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration period,
        @DefaultValue("300") long perIp,
        @DefaultValue("120") long perUser,
        @DefaultValue("10") long bookingPerUser,
        @DefaultValue("10") long loginPerIp,
        @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("5s") Duration redisRetry) {

    public RateLimitProperties {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("couchannel.gateway.rate-limits.period must be positive");
        }
        for (long limit : new long[] {perIp, perUser, bookingPerUser, loginPerIp}) {
            if (limit < 1) {
                throw new IllegalArgumentException("couchannel.gateway.rate-limits.* must be at least 1");
            }
        }
    }
}
