package dev.leaderboard.command.actions;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.authentication.TestingAuthenticationToken;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmitterTest {

    private static Submitter submitter(String subject, String... authorities) {
        return Submitter.of(new TestingAuthenticationToken(subject, null, authorities), "region");
    }

    /** A token principal with claims, as a verified JWT is. */
    private record Claims(String subject, Map<String, Object> getClaims) implements ClaimAccessor {
        @Override
        public String toString() {
            return subject;
        }
    }

    private static Submitter withClaims(String subject, Map<String, Object> claims, String... authorities) {
        return Submitter.of(new TestingAuthenticationToken(new Claims(subject, claims), null, authorities), "region");
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

    @Test
    void aServiceStatesTheSegmentInTheBodyOrByItsTokenClaim() {
        Submitter regional = withClaims("quiz-service", Map.of("region", "eu"), "SCOPE_service");

        assertThat(regional.subject()).isEqualTo("quiz-service");
        assertThat(regional.segmentFor(null)).isEqualTo("eu");
        assertThat(regional.segmentFor("us")).isEqualTo("us");
        assertThat(submitter("quiz-service", "SCOPE_service").segmentFor(null)).isNull();
        assertThat(submitter("quiz-service", "SCOPE_service").segmentFor("us")).isEqualTo("us");
    }

    @Test
    void aPlayerCannotStateASegmentAndItsClaimIsIgnored() {
        assertThatThrownBy(() -> submitter("alice", "SCOPE_player").segmentFor("eu"))
                .isInstanceOf(ForbiddenSubmissionException.class);
        assertThat(withClaims("alice", Map.of("region", "eu"), "SCOPE_player").segmentFor(null)).isNull();
    }

    @Test
    void aMalformedSegmentClaimOfAServiceIsForbidden() {
        Submitter malformed = withClaims("quiz-service", Map.of("region", "not a segment"), "SCOPE_service");

        assertThatThrownBy(() -> malformed.segmentFor(null)).isInstanceOf(ForbiddenSubmissionException.class);
        assertThat(malformed.segmentFor("eu")).isEqualTo("eu");
    }
}
