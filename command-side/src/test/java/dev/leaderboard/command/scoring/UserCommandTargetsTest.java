package dev.leaderboard.command.scoring;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTargetsTest {

    private final UserCommandTargets targets = new UserCommandTargets();

    @Test
    void anActionTargetsItsPlayerWithoutAnExpectedVersion() {
        var target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new SubmitAction("alice", "a-1", "quiz-completed", "global", null)));

        assertThat(target.getIdentifier()).isEqualTo("alice");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void otherCommandsStillResolveThroughTheirAnnotation() {
        var target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Other("board:x")));

        assertThat(target.getIdentifier()).isEqualTo("board:x");
    }

    record Other(@TargetAggregateIdentifier String id) {
    }
}
