package dev.leaderboard.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Spring MVC's and Spring Security's CORS refusal (403 for a cross-origin request no configuration allows) as problem+json, not text. */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"cross-origin request not allowed\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(BODY);
        response.flush();
    }
}
