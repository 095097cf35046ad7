package dev.couchannel.notification.realtime;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent events across instances: whoever consumes an event publishes it on a Redis pub/sub
 * channel; every instance hears it there and writes it to the streams of its own clients that
 * listen to its audience ({@code user:<email>} or {@code session:<id>}). Best effort: a client
 * that was not connected misses it (the inbox and the REST APIs hold the state).
 */
@Component
public class Realtime implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(Realtime.class);

    private final StringRedisTemplate redis;
    private final String channel;
    private final Duration streamTimeout;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    Realtime(
            StringRedisTemplate redis,
            @Value("${couchannel.notification.realtime.channel:couchannel.notification.realtime}") String channel,
            @Value("${couchannel.notification.realtime.stream-timeout:30m}") Duration streamTimeout) {
        this.redis = redis;
        this.channel = channel;
        this.streamTimeout = streamTimeout;
    }

    public static String user(String userId) {
        return "user:" + userId;
    }

    public static String session(String sessionId) {
        return "session:" + sessionId;
    }

    /** Publishes to the clients of every instance; a Redis failure loses only this notice. */
    public void publish(String audience, String event, Map<String, Object> data) {
        try {
            String message = json.writeValueAsString(Map.of("audience", audience, "event", event, "data", data));
            redis.convertAndSend(channel, message);
        } catch (RuntimeException e) {
            log.warn("realtime event {} for {} not published: {}", event, audience, e.getMessage());
        }
    }

    /** A new stream of {@code audience}'s events. */
    public SseEmitter open(String audience) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        streams.compute(audience, (key, set) -> {
            Set<SseEmitter> listeners = set == null ? ConcurrentHashMap.newKeySet() : set;
            listeners.add(emitter);
            return listeners;
        });
        Runnable remove = () -> forget(audience, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** Drops a finished stream, and its audience once nobody listens (no map of empty sets). */
    private void forget(String audience, SseEmitter emitter) {
        streams.computeIfPresent(audience, (key, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        JsonNode node = json.readTree(message.getBody());
        String audience = node.path("audience").asString();
        Set<SseEmitter> listeners = streams.get(audience);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        String data = json.writeValueAsString(node.path("data"));
        String event = node.path("event").asString();
        for (SseEmitter emitter : listeners) {
            try {
                emitter.send(
                        SseEmitter.event().name(event).data(data, org.springframework.http.MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                forget(audience, emitter);
            }
        }
    }

    /** Keeps idle streams open through proxies, and finds the ones whose client left. */
    @Scheduled(fixedDelayString = "${couchannel.notification.realtime.heartbeat:15s}")
    void heartbeat() {
        streams.forEach((audience, set) -> set.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                forget(audience, emitter);
            }
        }));
    }

    @PreDestroy
    void closeStreams() {
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        RedisMessageListenerContainer realtimeSubscription(
                RedisConnectionFactory connections,
                Realtime realtime,
                @Value("${couchannel.notification.realtime.channel:couchannel.notification.realtime}") String channel) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.addMessageListener(realtime, new ChannelTopic(channel));
            return container;
        }
    }
}
