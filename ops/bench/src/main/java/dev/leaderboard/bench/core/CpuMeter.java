package dev.leaderboard.bench.core;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.*;

import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * CPU time over one phase, from OSHI: this JVM, the server processes with their descendants (embedded Redis), and
 * PostgreSQL's postmaster with its backends. A process that exits takes its CPU time with it: meter while connected.
 */
public final class CpuMeter {

    private static final SystemInfo SYSTEM = new SystemInfo();
    private static final OperatingSystem OS = SYSTEM.getOperatingSystem();
    private static final CentralProcessor CPU = SYSTEM.getHardware().getProcessor();
    /** OSHI reads no ticks when /proc cannot be opened (no file descriptor left): then there is no figure at all. */
    static final String UNREADABLE = "CPU unreadable: /proc could not be read at the end (file descriptors exhausted?)";

    /** CPU seconds of this JVM, the server processes and PostgreSQL; {@code machineBusy} 0..1, NaN if unreadable. */
    public record Usage(double elapsedSeconds, double benchSeconds, double serverSeconds, double postgresSeconds,
                        double machineBusy, String loadBefore, String loadAfter) {

        /** CPU milliseconds per operation: bench / server / PostgreSQL. */
        public String perOperation(long operations) {
            return operations == 0 || Double.isNaN(machineBusy) ? "-" : String.format(Locale.ROOT,
                    "%.3f / %.3f / %.3f ms", benchSeconds * 1e3 / operations, serverSeconds * 1e3 / operations,
                    postgresSeconds * 1e3 / operations);
        }

        public String machine() {
            return Double.isNaN(machineBusy) ? UNREADABLE : String.format(Locale.ROOT,
                    "machine %.0f %% busy, load %s -> %s", machineBusy * 100, loadBefore, loadAfter);
        }
    }

    private final List<ProcessHandle> servers;
    private final Path postgresData;
    private final long start = System.nanoTime();
    private final long[] ticks = CPU.getSystemCpuLoadTicks();
    private final String loadBefore = loadAverage();
    private final double[] before;

    public CpuMeter(List<ProcessHandle> servers, Path postgresData) {
        this.servers = servers;
        this.postgresData = postgresData;
        this.before = seconds();
    }

    public Usage stop() {
        double[] after = seconds();
        boolean readable = Arrays.stream(CPU.getSystemCpuLoadTicks()).sum() > 0;
        return new Usage((System.nanoTime() - start) / 1e9, after[0] - before[0], after[1] - before[1],
                after[2] - before[2], readable ? CPU.getSystemCpuLoadBetweenTicks(ticks) : Double.NaN, loadBefore,
                loadAverage());
    }

    /** The machine, for the header of every run: CPU model and count, memory, OS. */
    public static String machine() {
        return String.format(Locale.ROOT, "%s, %d CPUs, %,d MiB, %s", CPU.getProcessorIdentifier().getName().strip(),
                CPU.getLogicalProcessorCount(), SYSTEM.getHardware().getMemory().getTotal() >> 20, OS);
    }

    public static String loadAverage() {
        double[] load = CPU.getSystemLoadAverage(3);
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", load[0], load[1], load[2]);
    }

    private double[] seconds() {
        Stream<Integer> postgres = OS.getProcesses(p -> p.getName().startsWith("postgres")
                        && p.getCommandLine().contains(postgresData.toString()), null, 0).stream()
                .flatMap(postmaster -> withDescendants(postmaster.getProcessID()));
        return new double[]{seconds(Stream.of(OS.getProcessId())),
                seconds(servers.stream().flatMap(server -> withDescendants((int) server.pid()))), seconds(postgres)};
    }

    private static Stream<Integer> withDescendants(int pid) {
        return Stream.concat(Stream.of(pid),
                OS.getDescendantProcesses(pid, null, null, 0).stream().map(OSProcess::getProcessID));
    }

    private static double seconds(Stream<Integer> pids) {
        return pids.distinct().map(OS::getProcess).filter(Objects::nonNull)
                .mapToLong(p -> p.getUserTime() + p.getKernelTime()).sum() / 1e3;
    }
}
