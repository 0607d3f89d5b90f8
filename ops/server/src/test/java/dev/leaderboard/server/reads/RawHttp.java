package dev.leaderboard.server.reads;

import dev.leaderboard.server.support.ServerInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests whose headers the tests read (Retry-After), optionally from another loopback address (127.0.0.x). */
final class RawHttp {

    private final int port;
    private final HttpClient client;

    private RawHttp(int port, InetAddress from) {
        this.port = port;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (from != null) {
            builder.localAddress(from);
        }
        this.client = builder.build();
    }

    static RawHttp to(ServerInstance server) {
        return new RawHttp(port(server), null);
    }

    /** A client whose connections come from the given loopback address, as another client host would. */
    static RawHttp from(ServerInstance server, String loopbackAddress) {
        try {
            return new RawHttp(port(server), InetAddress.getByName(loopbackAddress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int port(ServerInstance server) {
        return ((WebServerApplicationContext) server.context()).getWebServer().getPort();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
