package dev.leaderboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every answer must be, whatever was asked: a response (not a dropped connection), never a 5xx, every 4xx an
 * RFC 9457 problem (type, title, status, detail) without internals, and a refused request changes nothing stored.
 * Not checked: bodies of HEAD (there are none) and of 2xx/3xx.
 */
final class ResponseRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseRules() {
    }

    /** Sends the request and checks the answer and the store around it; returns the status. */
    static int sendAndCheck(FuzzServer server, FuzzRequest request) {
        StoreState before = server.lastState();
        RawHttp.Reply reply = server.http().send(request);
        StoreState after = server.state();
        String context = "\nrequest:" + request + "reply: " + reply + "\n";
        assertThat(reply.status()).as("the server answered" + context).isPositive();
        assertThat(reply.status()).as("no 5xx" + context).isLessThan(500);
        if (reply.status() >= 400) {
            if (!request.isHead()) {
                checkProblem(reply, context);
            }
            assertThat(after).as("a refused request changes nothing stored" + context).isEqualTo(before);
        }
        return reply.status();
    }

    private static void checkProblem(RawHttp.Reply reply, String context) {
        assertThat(reply.contentType()).as("a 4xx is application/problem+json" + context)
                .startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(reply.body());
        } catch (IOException e) {
            fail("a 4xx body is JSON" + context);
            return;
        }
        assertThat(problem.path("type").isTextual()).as("problem has 'type'" + context).isTrue();
        assertThat(problem.path("title").isTextual()).as("problem has 'title'" + context).isTrue();
        assertThat(problem.path("detail").isTextual()).as("problem has 'detail'" + context).isTrue();
        assertThat(problem.path("status").asInt()).as("problem 'status' is the response's" + context)
                .isEqualTo(reply.status());
        assertThat(reply.text()).as("no internals in a problem" + context)
                .doesNotContain("\tat ", "dev.leaderboard.", "org.springframework.", "java.lang.", "Exception:");
    }
}
