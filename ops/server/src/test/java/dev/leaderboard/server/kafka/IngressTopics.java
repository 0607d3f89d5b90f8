package dev.leaderboard.server.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Topics and a consumer group of a test's own, so its server's ingress shares the broker with no one. */
public record IngressTopics(String actions, String deadLetters, String outcomes, String group) {

    public static IngressTopics unique() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new IngressTopics("actions-" + id, "actions-" + id + ".DLT", "outcomes-" + id, "ingress-" + id);
    }

    /** The server properties that point the ingress at these topics on the given broker, plus {@code extra}. */
    public String[] serverProperties(String bootstrapServers, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "leaderboard.kafka.topics.actions=" + actions,
                "leaderboard.kafka.topics.dead-letters=" + deadLetters,
                "leaderboard.kafka.topics.outcomes=" + outcomes,
                "leaderboard.kafka.topics.partitions=3",
                "leaderboard.kafka.consumer.group-id=" + group));
        properties.addAll(List.of(extra));
        return properties.toArray(String[]::new);
    }
}
