package dev.leaderboard.server;

import dev.leaderboard.command.actions.CommandSender;
import dev.leaderboard.projections.outbound.ScoreEventsPublisher;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {

    @Test
    void instanceWithoutTheCommandRoleServesNoCommands() {
        try (ServerInstance queryOnly = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.roles=query,projections")) {
            assertThat(queryOnly.context().getBeanNamesForType(CommandSender.class)).isEmpty();
            assertThat(queryOnly.api().submitAction(Tokens.player("dave"), "a-1", "quiz-completed").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void commandRoleAloneServesCommands() {
        try (ServerInstance commandOnly = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.roles=command")) {
            assertThat(commandOnly.api().submitAction(Tokens.player("erin"), "a-1", "quiz-completed").status())
                    .isEqualTo(202);
            // no projection on this instance, and Redis is not its business: ready without either
            assertThat(commandOnly.api().get("/readiness", null).status()).isEqualTo(200);
            assertThat(commandOnly.api().get("/health", null).json().get("components").has("redis")).isFalse();
            // reads are the query role's: no GraphQL endpoint either
            assertThat(commandOnly.api().post("/api/v1/graphql", Tokens.admin(), "{\"query\":\"{ leaderboards"
                    + " { leaderboardId } }\"}").status()).isEqualTo(404);
        }
    }

    @Test
    void outboundScoreEventsArePublishedOnlyByProjectionsInstancesWithKafka() {
        String kafka = "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers();
        try (ServerInstance commandOnly = ServerInstance.start(TestPostgres.newDatabaseUrl(), kafka,
                "leaderboard.roles=command", "leaderboard.kafka.consumer.enabled=false")) {
            assertThat(commandOnly.context().getBeanNamesForType(ScoreEventsPublisher.class)).isEmpty();
        }
        try (ServerInstance projections = ServerInstance.start(TestPostgres.newDatabaseUrl(), kafka,
                "leaderboard.roles=query,projections")) {
            assertThat(projections.context().getBeanNamesForType(ScoreEventsPublisher.class)).hasSize(1);
            assertThat(projections.bean(EventProcessingConfiguration.class)
                    .eventProcessor(ScoreEventsPublisher.PROCESSING_GROUP)).isPresent();
        }
    }
}
