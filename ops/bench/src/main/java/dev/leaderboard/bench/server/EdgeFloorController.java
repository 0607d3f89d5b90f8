package dev.leaderboard.bench.server;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * Bench server only: the cheapest endpoint of the same server, a public GET under the read API's path (so the same
 * Tomcat, servlet filters, security chain and Spring MVC dispatch apply) returning constant bytes. The read benchmark
 * measures it next to the real reads, to show what the framework floor costs and what each read adds on top.
 */
@RestController
public class EdgeFloorController {

    public static final String PATH = "/api/v1/leaderboards/bench-floor/constant";
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] constant() {
        return BODY;
    }
}
