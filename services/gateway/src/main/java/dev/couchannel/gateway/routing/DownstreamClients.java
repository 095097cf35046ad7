package dev.couchannel.gateway.routing;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients towards the services: one JDK {@link HttpClient} (HTTP/1.1, connect timeout
 * from {@code couchannel.gateway.connect-timeout}, never follows redirects), wrapped in a {@link
 * RestClient} for the proxy so that Boot's observation adds a client span and the W3C {@code
 * traceparent} header to every forwarded request.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamClients {

    @Bean(destroyMethod = "shutdownNow")
    HttpClient downstreamHttpClient(GatewayProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Bean
    RestClient proxyRestClient(
            RestClient.Builder builder, HttpClient downstreamHttpClient, GatewayProperties properties) {
        return proxy(builder, downstreamHttpClient, properties.requestTimeout());
    }

    /** The same, for event streams: they stay open up to {@code couchannel.gateway.stream-timeout}. */
    @Bean
    RestClient streamRestClient(
            RestClient.Builder builder, HttpClient downstreamHttpClient, GatewayProperties properties) {
        return proxy(builder, downstreamHttpClient, properties.streamTimeout());
    }

    private static RestClient proxy(RestClient.Builder builder, HttpClient client, Duration timeout) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
        // covers the whole exchange, body included (Spring closes the body when it runs out)
        requestFactory.setReadTimeout(timeout);
        // a proxy passes bodies through byte for byte; the caller negotiates Accept-Encoding
        requestFactory.enableCompression(false);
        return builder.clone().requestFactory(requestFactory).build();
    }
}
