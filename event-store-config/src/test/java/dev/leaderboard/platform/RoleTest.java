package dev.leaderboard.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoleTest {

    @Test
    void parseIgnoresCaseAndSurroundingSpace() {
        assertThat(Role.parse("command")).isEqualTo(Role.COMMAND);
        assertThat(Role.parse(" Query ")).isEqualTo(Role.QUERY);
        assertThat(Role.parse("PROJECTIONS")).isEqualTo(Role.PROJECTIONS);
    }

    @Test
    void unknownRoleNamesThePropertyAndTheValidRoles() {
        assertThatIllegalArgumentException().isThrownBy(() -> Role.parse("reader"))
                .withMessage("unknown role 'reader' in leaderboard.roles; expected command, query or projections");
    }

    @Test
    void allIsEveryRole() {
        assertThat(Role.all()).containsExactlyInAnyOrder(Role.COMMAND, Role.QUERY, Role.PROJECTIONS);
    }
}
