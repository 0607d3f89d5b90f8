package dev.leaderboard.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OnRoleConditionTest {

    @ConditionalOnRole(Role.COMMAND)
    static class CommandConfiguration {
    }

    private final MockEnvironment environment = new MockEnvironment();

    private ConditionOutcome outcome() {
        return new OnRoleCondition().getMatchOutcome(new EnvironmentOnly(environment),
                AnnotationMetadata.introspect(CommandConfiguration.class));
    }

    @Test
    void everyRoleIsActiveWhenNoneIsConfigured() {
        assertThat(outcome().isMatch()).isTrue();
    }

    @Test
    void matchesWhenTheRoleIsListed() {
        environment.setProperty("leaderboard.roles", "query,command");

        assertThat(outcome().isMatch()).isTrue();
    }

    @Test
    void doesNotMatchWhenOnlyOtherRolesAreListed() {
        environment.setProperty("leaderboard.roles", "query,projections");

        ConditionOutcome outcome = outcome();

        assertThat(outcome.isMatch()).isFalse();
        assertThat(outcome.getMessage()).contains("COMMAND", "leaderboard.roles");
    }

    @Test
    void roleNamesAreCaseInsensitiveAndTrimmed() {
        environment.setProperty("leaderboard.roles", "query, Command ");

        assertThat(outcome().isMatch()).isTrue();
    }

    @Test
    void indexedListPropertyIsRead() {
        environment.setProperty("leaderboard.roles[0]", "projections");

        assertThat(outcome().isMatch()).isFalse();
    }

    @Test
    void unknownRoleFailsWithAMessageNamingIt() {
        environment.setProperty("leaderboard.roles", "command,reader");

        assertThatIllegalArgumentException().isThrownBy(this::outcome)
                .withMessageContaining("unknown role 'reader'")
                .withMessageContaining("expected command, query or projections");
    }

    /** The condition reads only the environment; everything else a real context offers is off limits. */
    private static final class EnvironmentOnly implements ConditionContext {

        private final Environment environment;

        EnvironmentOnly(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Environment getEnvironment() {
            return environment;
        }

        @Override
        public BeanDefinitionRegistry getRegistry() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConfigurableListableBeanFactory getBeanFactory() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ResourceLoader getResourceLoader() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ClassLoader getClassLoader() {
            return OnRoleConditionTest.class.getClassLoader();
        }
    }
}
