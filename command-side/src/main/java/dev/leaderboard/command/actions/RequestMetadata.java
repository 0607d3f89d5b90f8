package dev.leaderboard.command.actions;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a command came from. It travels as command metadata and, through the correlation data provider, onto every
 * event the command produces: the event store is the audit log.
 */
public final class RequestMetadata {

    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";
    public static final String REQUEST_ID = "requestId";
    public static final String SUBMITTED_BY = "submittedBy";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Set by the server's request-id filter, which also echoes the id on every response. */
    public static final String REQUEST_ID_ATTRIBUTE = RequestMetadata.class.getName() + ".requestId";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_USER_AGENT = 512;

    private RequestMetadata() {
    }

    /** The id assigned to this request: the caller's when well-formed, otherwise a fresh one. */
    public static String requestId(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String assigned) {
            return assigned;
        }
        String given = request.getHeader(REQUEST_ID_HEADER);
        return given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    public static MetaData of(HttpServletRequest request, String requestId, String submittedBy) {
        Map<String, String> values = new HashMap<>();
        values.put(CLIENT_IP, request.getRemoteAddr());
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            values.put(USER_AGENT, userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT)
                    : userAgent);
        }
        values.put(REQUEST_ID, requestId);
        values.put(SUBMITTED_BY, submittedBy);
        return MetaData.from(values);
    }
}
