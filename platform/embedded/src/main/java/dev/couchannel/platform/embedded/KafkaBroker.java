package dev.couchannel.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft broker and controller in one) running inside this JVM, because no Docker is available
 * and the services need real transactions and consumer groups, not a mock.
 *
 * <p>The log directory is formatted on first use only, so topics and records survive a restart on the same
 * directory. The controller quorum is configured statically ({@code controller.quorum.voters}) rather than as a
 * formatted "standalone" dynamic quorum: the controller port is internal and picked afresh on every start, and a
 * static quorum does not record it in the log.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final int PARTITIONS = 4;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final String SEGMENT_BYTES = Integer.toString(16 * 1024 * 1024);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean temporary;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, Path logDir, boolean temporary, int port) {
        this.server = server;
        this.logDir = logDir;
        this.temporary = temporary;
        this.port = port;
    }

    /**
     * Starts the broker and returns once it answers clients.
     *
     * @param logDir where topics and cluster metadata live, formatted when new and reused otherwise; {@code null} for
     *     a throwaway directory that is deleted on {@link #close()}
     * @param port the client (PLAINTEXT) port, 0 for any free port
     */
    public static KafkaBroker start(Path logDir, int port) {
        Path dir = Directories.persistentOrTemp(logDir, "couchannel-kafka-");
        int brokerPort = Ports.choose(port, "kafka");
        int controllerPort = Ports.choose(0, "kafka controller");
        KafkaConfig config = KafkaConfig.fromProps(properties(dir, brokerPort, controllerPort), false);
        KafkaRaftServer server;
        try {
            formatIfNew(dir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (Exception e) {
            if (logDir == null) {
                Directories.deleteQuietly(dir);
            }
            throw new IllegalStateException("could not prepare kafka log directory " + dir, e);
        }
        KafkaBroker broker = new KafkaBroker(server, dir, logDir == null, brokerPort);
        try {
            server.startup();
            broker.awaitAnswering();
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("kafka did not start on port " + brokerPort + " in " + dir, e);
        }
        LOG.info("kafka listening on {} with data in {}", broker.bootstrapServers(), dir);
        return broker;
    }

    private static Properties properties(Path dir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", dir.toString());

        // one node: every replication factor and ISR is 1
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");

        props.put("num.partitions", Integer.toString(PARTITIONS));
        props.put("auto.create.topics.enable", "true");
        props.put("group.initial.rebalance.delay.ms", "0");

        // laptop sizing: the internal topics default to 50 partitions and 100 MB segments each
        props.put("offsets.topic.num.partitions", Integer.toString(PARTITIONS));
        props.put("transaction.state.log.num.partitions", Integer.toString(PARTITIONS));
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("log.segment.bytes", SEGMENT_BYTES);
        props.put("offsets.topic.segment.bytes", SEGMENT_BYTES);
        props.put("transaction.state.log.segment.bytes", SEGMENT_BYTES);
        props.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        props.put("log.retention.hours", "72");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "2");
        props.put("num.replica.fetchers", "1");
        props.put("auto.leader.rebalance.enable", "false");
        return props;
    }

    /** Formats the directory (cluster id, bootstrap metadata) unless an earlier run already did. */
    private static void formatIfNew(Path dir) throws Exception {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .setHasDynamicQuorum(false)
                    .run();
        }
        LOG.debug("formatted kafka log directory {}: {}", dir, output.toString(StandardCharsets.UTF_8));
    }

    private void awaitAnswering() {
        try (Admin admin = admin()) {
            int nodes = admin.describeCluster()
                    .nodes()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .size();
            if (nodes == 0) {
                throw new IllegalStateException("kafka answered but lists no broker");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("kafka on port " + port + " does not answer", e);
        }
    }

    /** Value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client port (the chosen one when started with 0). */
    public int port() {
        return port;
    }

    /** The log directory (a temp directory when started without one). */
    public Path logDir() {
        return logDir;
    }

    /**
     * Creates each topic with 4 partitions unless it exists, so services can declare their topics
     * up front instead of relying on auto-creation on first use.
     */
    public void createTopics(String... names) {
        if (names.length == 0) {
            return;
        }
        List<NewTopic> topics = Arrays.stream(names)
                .distinct()
                .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                .toList();
        try (Admin admin = admin()) {
            CreateTopicsResult result = admin.createTopics(topics);
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> topic : result.values().entrySet()) {
                try {
                    topic.getValue().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failures.add(topic.getKey() + ": " + e.getCause());
                    }
                } catch (TimeoutException e) {
                    failures.add(topic.getKey() + ": timed out");
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("could not create topics " + failures);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS)));
    }

    /** Shuts the broker down cleanly (so the next start skips log recovery); later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("kafka on port {} did not shut down cleanly", port, e);
        }
        if (temporary) {
            Directories.deleteQuietly(logDir);
        }
        LOG.info("kafka on port {} stopped", port);
    }
}
