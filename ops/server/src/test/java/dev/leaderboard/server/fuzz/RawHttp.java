package dev.leaderboard.server.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}). java.net.http refuses to
 * send what a fuzzer must send: malformed %-escapes, raw non-ASCII or spaces in the target, any method name, any
 * header value. Reads at most {@link #MAX_BODY} bytes of a body, and of an event stream only its first event.
 */
final class RawHttp {

    static final int MAX_BODY = 1 << 20;

    record Reply(int status, Map<String, List<String>> headers, byte[] body, boolean streamCut) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + (streamCut ? " (stream, first bytes)" : "") + "\n  "
                    + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Reply send(FuzzRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toWire("127.0.0.1:" + port));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            if (statusLine == null) {
                return new Reply(-1, Map.of(), new byte[0], false);
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
            Reply head = new Reply(status, headers, new byte[0], false);
            if (request.isHead() || status < 200 || status == 204 || status == 304) {
                return head;
            }
            if (head.contentType().startsWith("text/event-stream")) {
                return new Reply(status, headers, firstEvent(in, "chunked".equalsIgnoreCase(
                        head.header("Transfer-Encoding"))), true);
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
                body = dechunk(in);
            } else if (head.header("Content-Length") != null) {
                body = in.readNBytes((int) Math.min(Long.parseLong(head.header("Content-Length")), MAX_BODY));
            } else {
                body = in.readNBytes(MAX_BODY);
            }
            return new Reply(status, headers, body, false);
        } catch (IOException e) {
            throw new UncheckedIOException("no complete reply to " + request, e);
        }
    }

    /** Reads until the first blank line of the stream (the end of its first event), then the caller hangs up. */
    private static byte[] firstEvent(InputStream in, boolean chunked) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < 64 * 1024) {
            byte[] chunk = chunked ? chunk(in) : in.readNBytes(1);
            if (chunk == null || chunk.length == 0) {
                break;
            }
            int before = data.size();
            data.writeBytes(chunk);
            byte[] all = data.toByteArray();
            for (int i = Math.max(1, before); i < all.length; i++) {
                if (all[i] == '\n' && all[i - 1] == '\n') {
                    return all;
                }
            }
        }
        return data.toByteArray();
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] chunk = chunk(in); chunk != null && chunk.length > 0 && body.size() < MAX_BODY; chunk = chunk(in)) {
            body.writeBytes(chunk);
        }
        return body.toByteArray();
    }

    /** One chunk of a chunked body; empty at the last chunk, null at end of stream. */
    private static byte[] chunk(InputStream in) throws IOException {
        String size = line(in);
        if (size == null) {
            return null;
        }
        int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
        byte[] chunk = in.readNBytes(length);
        line(in); // the CRLF after the chunk (or the trailer's end after the last)
        return chunk;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
