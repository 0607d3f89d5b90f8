package dev.leaderboard.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time spent during a measurement by the benchmark's own JVM, the server JVM (with its child processes) and the
 * PostgreSQL server processes, and how busy the whole machine was. On a 2-core machine the load generator and the
 * server compete for the same CPUs, so these say how far a figure is limited by the machine rather than the code.
 */
public final class CpuMeter {

    /**
     * CPU time per process group, in the order client, server, database. {@code server} is the server process with
     * its descendants, which include the embedded Redis; {@code redis} is that Redis alone (the server's descendant
     * processes named {@code redis-server}), so the server JVM's own share is {@code server - redis}.
     */
    public record Usage(Duration wall, Duration client, Optional<Duration> server, Optional<Duration> database,
                        double machineBusy, Optional<Duration> redis) {

        /** The server's own processes without its embedded Redis. */
        public Optional<Duration> serverWithoutRedis() {
            return server.map(s -> redis.map(s::minus).orElse(s));
        }
    }

    private final Supplier<Stream<ProcessHandle>> serverProcesses;
    private final Supplier<Stream<ProcessHandle>> databaseProcesses;
    private final Supplier<Stream<ProcessHandle>> redisProcesses;
    private final long startNanos;
    private final long clientStart;
    private final long serverStart;
    private final long databaseStart;
    private final long redisStart;
    private final long[] machineStart;

    private CpuMeter(Supplier<Stream<ProcessHandle>> serverProcesses,
                     Supplier<Stream<ProcessHandle>> databaseProcesses) {
        this.serverProcesses = serverProcesses;
        this.databaseProcesses = databaseProcesses;
        this.redisProcesses = () -> serverProcesses.get().filter(p -> p.info().command()
                .map(c -> c.contains("redis-server")).orElse(false));
        this.startNanos = System.nanoTime();
        this.clientStart = clientCpuNanos();
        this.serverStart = cpuNanos(serverProcesses);
        this.databaseStart = cpuNanos(databaseProcesses);
        this.redisStart = cpuNanos(redisProcesses);
        this.machineStart = machineTicks();
    }

    /**
     * @param server        the server process (its descendants are included), if the benchmark started it
     * @param postgresData  the PostgreSQL data directory, to find the postmaster and its backends, if known
     */
    public static CpuMeter start(Optional<ProcessHandle> server, Optional<Path> postgresData) {
        return start(server.stream().toList(), postgresData);
    }

    /** @param servers the server processes (their descendants included), summed as "server" */
    public static CpuMeter start(List<ProcessHandle> servers, Optional<Path> postgresData) {
        Supplier<Stream<ProcessHandle>> serverTree = () -> servers.stream()
                .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()));
        Supplier<Stream<ProcessHandle>> database = () -> postgresData.stream()
                .flatMap(data -> ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine()
                                .map(c -> c.contains("postgres") && c.contains("-D " + data + " "))
                                .orElse(false)))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()));
        return new CpuMeter(serverTree, database);
    }

    public Usage stop() {
        long[] machineEnd = machineTicks();
        long total = machineEnd[0] - machineStart[0];
        long idle = machineEnd[1] - machineStart[1];
        return new Usage(Duration.ofNanos(System.nanoTime() - startNanos),
                Duration.ofNanos(clientCpuNanos() - clientStart),
                serverStart < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(cpuNanos(serverProcesses)
                        - serverStart)),
                databaseStart < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(cpuNanos(databaseProcesses)
                        - databaseStart)),
                total <= 0 ? 0 : (double) (total - idle) / total,
                redisStart < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(cpuNanos(redisProcesses)
                        - redisStart)));
    }

    private static long clientCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * Sum over the processes alive now; -1 when there are none. A process that exits during the measurement takes
     * its CPU time with it, which is why the server's connection pool (long-lived backends) suits this.
     */
    private static long cpuNanos(Supplier<Stream<ProcessHandle>> processes) {
        long[] sum = {0, 0};
        processes.get().forEach(p -> {
            sum[1]++;
            sum[0] += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        });
        return sum[1] == 0 ? -1 : sum[0];
    }

    /** {total, idle} jiffies of all CPUs from /proc/stat; zeros where it cannot be read. */
    private static long[] machineTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.filter(line -> line.startsWith("cpu ")).findFirst().map(line -> {
                long[] values = Arrays.stream(line.substring(4).trim().split("\\s+"))
                        .mapToLong(Long::parseLong).toArray();
                long idle = values[3] + (values.length > 4 ? values[4] : 0);
                // guest time is already counted in user time
                long total = Arrays.stream(values, 0, Math.min(values.length, 8)).sum();
                return new long[]{total, idle};
            }).orElse(new long[]{0, 0});
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
