package dev.leaderboard.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the benchmarked server as a subprocess:
 * {@code java <javaOptions> -jar <jar> server --engine <engine> <springArguments>}.
 *
 * @param java          the java launcher (the benchmark's own JDK)
 * @param jar           the bench fat jar (it contains the server)
 * @param javaOptions   JVM options for the server process
 * @param engine        the Axon storage engine to run
 * @param springArguments {@code --key=value} properties for the server (above its own configuration)
 * @param dataDirectory {@code LEADERBOARD_DATA_DIR}: PostgreSQL data, kept across restarts of this launch
 * @param logFile       the server's stdout and stderr, appended across restarts
 */
public record ServerLaunch(Path java, Path jar, List<String> javaOptions, StorageEngine engine,
                           List<String> springArguments, Path dataDirectory, Path logFile) {

    public ServerLaunch {
        javaOptions = List.copyOf(javaOptions);
        springArguments = List.copyOf(springArguments);
    }

    /**
     * A second server on the embedded servers of a running one ({@link BenchServer#ATTACH}): same JVM options,
     * engine and arguments, its own log. The data directory only holds what the server itself writes there.
     */
    public ServerLaunch attachedTo(ServerProcess.EmbeddedServers servers, Path dataDirectory, Path logFile) {
        List<String> arguments = new ArrayList<>();
        arguments.add(BenchServer.ATTACH);
        arguments.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + servers.postgresPort() + "/postgres");
        arguments.add("--spring.datasource.username=postgres");
        arguments.add("--spring.datasource.password=postgres");
        arguments.add("--spring.data.redis.host=127.0.0.1");
        arguments.add("--spring.data.redis.port=" + servers.redisPort());
        arguments.add("--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrap());
        arguments.addAll(springArguments);
        return new ServerLaunch(java, jar, javaOptions, engine, arguments, dataDirectory, logFile);
    }
}
