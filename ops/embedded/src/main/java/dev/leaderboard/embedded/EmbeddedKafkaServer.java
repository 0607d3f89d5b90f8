package dev.leaderboard.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A single-node Kafka 3.9 (Kafka's own {@link KafkaRaftServer}, KRaft, broker and controller in one process, no
 * ZooKeeper) listening on 127.0.0.1 only.
 * <ul>
 *   <li>{@link #start(int)}: a throwaway broker, its log in a temporary directory that {@link #close()} deletes.</li>
 *   <li>{@link #startPersistent(Path, int)}: the log lives in the given directory and survives restarts. The first
 *       start formats it (a new cluster id, as {@code kafka-storage.sh format} does); later starts reuse it, same
 *       cluster id, same topics and records. The controller's port is chosen on the first start and kept in
 *       {@value #CONTROLLER_PORT_FILE} in that directory (a new one is chosen if it is taken).</li>
 * </ul>
 * Internal topics (offsets, transaction state) have replication factor 1; new topics are created on first use with one
 * partition. {@link #close()} shuts the broker down cleanly, which flushes its log. Kafka's fatal-error exits
 * ({@code Exit.exit}/{@code Exit.halt}) are turned into logged errors, as spring-kafka-test does: a broker fault must
 * not halt the JVM that also runs the application and owns the embedded PostgreSQL.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    /** The file, in a persistent log directory, that holds the controller listener's port. */
    public static final String CONTROLLER_PORT_FILE = "leaderboard-controller.port";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final AtomicBoolean EXIT_OVERRIDDEN = new AtomicBoolean();

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirectory;
    private final String clusterId;
    private final boolean deleteOnClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaServer(KafkaRaftServer server, int port, Path logDirectory, String clusterId,
                                boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.logDirectory = logDirectory;
        this.clusterId = clusterId;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * A throwaway broker: its log is in a fresh temporary directory, deleted on {@link #close()}.
     *
     * @param port the client port; 0 for any free port
     */
    public static EmbeddedKafkaServer start(int port) {
        Path logDirectory;
        try {
            logDirectory = Files.createTempDirectory("leaderboard-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary Kafka log directory", e);
        }
        try {
            return start(logDirectory, port, freePort(), true);
        } catch (RuntimeException | Error e) {
            deleteQuietly(logDirectory);
            throw e;
        }
    }

    /**
     * A broker whose log lives in {@code logDirectory} and survives restarts: formatted on the first start, reused
     * (same cluster id, topics and records) on later ones. Only one broker can use a directory at a time.
     *
     * @param logDirectory Kafka's {@code log.dirs}; created if missing
     * @param port         the client port; 0 for any free port
     */
    public static EmbeddedKafkaServer startPersistent(Path logDirectory, int port) {
        Path directory = logDirectory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
            return start(directory, port, controllerPort(directory), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka log directory " + directory, e);
        }
    }

    private static EmbeddedKafkaServer start(Path logDirectory, int port, int controllerPort, boolean deleteOnClose) {
        overrideExitProcedures();
        int clientPort = port > 0 ? port : freePort();
        KafkaConfig config = new KafkaConfig(properties(logDirectory, clientPort, controllerPort), false);
        String clusterId = formatIfNeeded(config, logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // returns once the broker is registered with the controller and unfenced, i.e. ready for clients
            server.startup();
        } catch (RuntimeException | Error e) {
            shutDown(server);
            throw e;
        }
        log.debug("Kafka {} on 127.0.0.1:{}, controller on 127.0.0.1:{}, log in {}", clusterId, clientPort,
                controllerPort, logDirectory);
        return new EmbeddedKafkaServer(server, clientPort, logDirectory, clusterId, deleteOnClose);
    }

    private static Map<String, Object> properties(Path logDirectory, int port, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("delete.topic.enable", "true");
        props.put("group.initial.rebalance.delay.ms", "0");
        // fail instead of waiting forever if the broker cannot catch up with its controller
        props.put("server.max.startup.time.ms", "120000");
        return props;
    }

    /**
     * Formats the directory the way {@code kafka-storage.sh format} does (Kafka 3.9's {@code StorageTool}: a static
     * quorum from {@code controller.quorum.voters}, the latest production metadata version), unless it already holds
     * a {@code meta.properties}. Returns the cluster id.
     */
    private static String formatIfNeeded(KafkaConfig config, Path logDirectory) {
        Path metaProperties = logDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (Files.exists(metaProperties)) {
            try {
                return new MetaProperties.Builder(Utils.loadProps(metaProperties.toString())).build().clusterId()
                        .orElseThrow(() -> new IllegalStateException(metaProperties + " has no cluster.id"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + metaProperties, e);
            }
        }
        String clusterId = Uuid.randomUuid().toString();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(config.controllerListenerNames().head())
                .setMetadataLogDirectory(config.metadataLogDir())
                .setHasDynamicQuorum(false)
                .addDirectory(logDirectory.toString());
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDirectory, e);
        }
        log.debug("Formatted Kafka log directory {} with cluster id {}", logDirectory, clusterId);
        return clusterId;
    }

    /**
     * The controller port stored in the directory if it is free, else a free port, stored there for the next start.
     * Moving the controller is safe here: with a static quorum ({@code controller.quorum.voters}, kraft.version 0)
     * the voters' addresses come from the configuration, not from the metadata log.
     */
    private static int controllerPort(Path logDirectory) throws IOException {
        Path file = logDirectory.resolve(CONTROLLER_PORT_FILE);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            int port;
            try {
                port = Integer.parseInt(stored);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " must hold a port number, holds '" + stored + "'");
            }
            if (isFree(port)) {
                return port;
            }
            log.warn("Kafka's controller port {} (from {}) is in use; moving the controller to another port", port,
                    file);
        }
        int chosen = freePort();
        Files.writeString(file, chosen + "\n", StandardCharsets.US_ASCII);
        return chosen;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static void overrideExitProcedures() {
        if (EXIT_OVERRIDDEN.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) ->
                    log.error("Embedded Kafka asked to exit with status {}: {}", status, message));
            Exit.setHaltProcedure((status, message) ->
                    log.error("Embedded Kafka asked to halt with status {}: {}", status, message));
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client (PLAINTEXT) port. */
    public int port() {
        return port;
    }

    /** Kafka's log directory ({@code log.dirs}). */
    public Path logDirectory() {
        return logDirectory;
    }

    /** The cluster id written to {@code meta.properties} when the directory was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker and controller down cleanly (flushing the log) and waits; deletes a temporary log. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        shutDown(server);
        if (deleteOnClose) {
            deleteQuietly(logDirectory);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void deleteQuietly(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            log.warn("Could not delete the temporary Kafka log directory {}", directory, e);
        }
    }
}
