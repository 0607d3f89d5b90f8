package dev.leaderboard.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP request exactly as it goes on the wire: the request target is sent byte for byte (non-ASCII characters
 * as UTF-8, nothing re-encoded), so malformed %-escapes, raw spaces and invalid UTF-8 reach the server as written.
 *
 * @param endpoint the catalogue entry it was generated for ({@code corpus} or {@code unknown path} otherwise)
 */
public record FuzzRequest(String endpoint, String method, String target, List<Header> headers, byte[] body) {

    public record Header(String name, String value) {
    }

    public boolean isHead() {
        return "HEAD".equalsIgnoreCase(method);
    }

    byte[] toWire(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** What jqwik prints for a failing (and shrunk) sample: enough to replay it by hand or add it to the corpus. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\n  ").append(method).append(' ').append(printable(target, 2000))
                .append("   [").append(endpoint).append(']');
        for (Header header : headers) {
            text.append("\n  ").append(header.name()).append(": ").append(printable(header.value(), 400));
        }
        if (body != null) {
            text.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(printable(new String(body, StandardCharsets.ISO_8859_1), 1000));
        }
        return text.append('\n').toString();
    }

    /** Non-printable and non-ASCII characters (or, for bodies, bytes) as \\uXXXX, cut to {@code max} characters. */
    static String printable(String value, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return value.length() > max ? out + "… (" + value.length() + " chars)" : out.toString();
    }
}
