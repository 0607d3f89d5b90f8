package dev.leaderboard.command.actions;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmitterTest {

    private static Submitter submitter(String subject, String... authorities) {
        return Submitter.of(new TestingAuthenticationToken(subject, null, authorities));
    }

    @Test
    void subjectAndScopesComeFromTheAuthentication() {
        Submitter submitter = submitter("quiz-service", "SCOPE_service", "SCOPE_admin");

        assertThat(submitter.subject()).isEqualTo("quiz-service");
        assertThat(submitter.scopes()).containsExactlyInAnyOrder("SCOPE_service", "SCOPE_admin");
    }

    @Test
    void serviceSubmitsForThePlayerNamedInTheBody() {
        assertThat(submitter("quiz-service", "SCOPE_service").playerFor("alice")).isEqualTo("alice");
    }

    @Test
    void serviceMustNameThePlayer() {
        assertThatThrownBy(() -> submitter("quiz-service", "SCOPE_service").playerFor(null))
                .isInstanceOf(ForbiddenSubmissionException.class)
                .hasMessageContaining("userId");
    }

    @Test
    void playerWithoutUserIdSubmitsForItself() {
        assertThat(submitter("alice", "SCOPE_player").playerFor(null)).isEqualTo("alice");
    }

    @Test
    void playerMayNameItself() {
        assertThat(submitter("alice", "SCOPE_player").playerFor("alice")).isEqualTo("alice");
    }

    @Test
    void playerMayNotSubmitForAnotherPlayer() {
        assertThatThrownBy(() -> submitter("alice", "SCOPE_player").playerFor("bob"))
                .isInstanceOf(ForbiddenSubmissionException.class);
    }

    @Test
    void playerWhoseSubjectIsNotAValidUserIdIsRefused() {
        assertThatThrownBy(() -> submitter("alice@example.com", "SCOPE_player").playerFor(null))
                .isInstanceOf(ForbiddenSubmissionException.class)
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> submitter("board:global", "SCOPE_player").playerFor(null))
                .isInstanceOf(ForbiddenSubmissionException.class);
        assertThatThrownBy(() -> submitter("x".repeat(65), "SCOPE_player").playerFor(null))
                .isInstanceOf(ForbiddenSubmissionException.class);
    }
}
