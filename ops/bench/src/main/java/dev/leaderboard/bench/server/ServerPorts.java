package dev.leaderboard.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for one start of the benchmarked server and its embedded servers. */
public record ServerPorts(int http, int postgres, int redis, int kafka) {

    /** Four currently free ports; chosen again on every (re)start so a port in TIME_WAIT is never reused. */
    public static ServerPorts free() {
        return new ServerPorts(freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
