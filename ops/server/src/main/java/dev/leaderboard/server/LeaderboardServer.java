package dev.leaderboard.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one Spring Boot application. Each module contributes auto-configurations; {@code leaderboard.roles} decides
 * which are active on this instance.
 */
@SpringBootApplication
public class LeaderboardServer {

    public static void main(String[] args) {
        SpringApplication.run(LeaderboardServer.class, args);
    }
}
