package dev.leaderboard.server.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Which client a request counts against: the remote address as the servlet container reports it. That is the TCP
 * peer, unless {@code server.forward-headers-strategy} is set: then Tomcat ({@code native}, trusting only
 * {@code server.tomcat.remoteip.internal-proxies}) or Spring's ForwardedHeaderFilter ({@code framework}) has already
 * replaced it with the client named in {@code X-Forwarded-For} / {@code Forwarded}. The header is never read here,
 * so a client cannot pick its own bucket by sending one. IPv6 addresses count per /64, the block one subscriber
 * usually gets: rotating through it would otherwise give a client endless fresh buckets.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return normalize(request.getRemoteAddr());
    }

    static String normalize(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;   // IPv4 as the container wrote it
        }
        try {
            // a literal: no name lookup happens
            InetAddress address = InetAddress.getByName(stripBrackets(remoteAddress));
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private static String stripBrackets(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
    }
}
