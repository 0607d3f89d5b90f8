package dev.leaderboard.command;

import dev.leaderboard.command.actions.ActionsController;
import dev.leaderboard.command.actions.CommandProperties;
import dev.leaderboard.command.actions.CommandSender;
import dev.leaderboard.command.actions.RequestMetadata;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.flags.AnomalyProperties;
import dev.leaderboard.command.flags.AnomalyRules;
import dev.leaderboard.command.flags.FlagsAdminController;
import dev.leaderboard.command.flags.JdbcPlayerFlags;
import dev.leaderboard.command.flags.PlayerFlags;
import dev.leaderboard.command.history.PlayerHistoryController;
import dev.leaderboard.command.players.PlayerAdminController;
import dev.leaderboard.command.scoring.ActionTypeSettingsConverter;
import dev.leaderboard.command.leaderboards.JdbcLeaderboardCatalog;
import dev.leaderboard.command.leaderboards.Leaderboard;
import dev.leaderboard.command.leaderboards.LeaderboardAdminController;
import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.command.scoring.ActionTypes;
import dev.leaderboard.command.scoring.JdbcProcessedActions;
import dev.leaderboard.command.scoring.ProcessedActions;
import dev.leaderboard.command.scoring.ScoringProperties;
import dev.leaderboard.command.scoring.User;
import dev.leaderboard.command.batching.CoalescingSubmitter;
import dev.leaderboard.command.batching.GroupCommitter;
import dev.leaderboard.command.ingress.ActionIngress;
import dev.leaderboard.command.ingress.DirectIngress;
import dev.leaderboard.command.scoring.UserCommandTargets;
import dev.leaderboard.command.scoring.UserRepository;
import dev.leaderboard.eventstore.CaffeineAggregateCache;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import dev.leaderboard.eventstore.EventStoreAutoConfiguration;
import dev.leaderboard.platform.ConditionalOnRole;
import dev.leaderboard.platform.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The write side: aggregates, scoring rules, the command API. Active on instances with the {@code command} role. */
@AutoConfiguration(after = EventStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnRole(Role.COMMAND)
@EnableConfigurationProperties({ScoringProperties.class, CommandProperties.class,
        UserAggregateProperties.class, AnomalyProperties.class})
@Import({User.class, Leaderboard.class, ActionsController.class, LeaderboardAdminController.class,
        PlayerHistoryController.class, PlayerAdminController.class, FlagsAdminController.class,
        CommandProblems.class})
public class CommandSideAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    public static ActionTypeSettingsConverter actionTypeSettingsConverter() {
        return new ActionTypeSettingsConverter();
    }

    @Bean
    public ActionTypes actionTypes(ScoringProperties properties) {
        return new ActionTypes(properties.actionTypes());
    }

    @Bean
    public AnomalyRules anomalyRules(AnomalyProperties properties) {
        return new AnomalyRules(properties);
    }

    @Bean
    public PlayerFlags playerFlags(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<MeterRegistry> meters) {
        return new JdbcPlayerFlags(jdbc, json, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    public ProcessedActions processedActions(JdbcTemplate jdbc) {
        return new JdbcProcessedActions(jdbc);
    }

    @Bean
    public LeaderboardCatalog leaderboardCatalog(BoardDirectory directory, JdbcTemplate jdbc) {
        return new JdbcLeaderboardCatalog(directory, jdbc);
    }

    @Bean
    public CommandSender commandSender(CommandGateway gateway, CommandProperties properties) {
        return new CommandSender(gateway, properties);
    }

    @Bean
    public GroupCommitter groupCommitter(CommandBus commandBus, TransactionManager transactionManager,
                                         ProcessedActions processedActions, UserRepository userRepository,
                                         CommandProperties properties, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        DistributionSummary sizes = DistributionSummary.builder("leaderboard.commands.batch.size")
                .description("Commands decided per group-committed transaction").register(registry);
        return new GroupCommitter(commandBus, transactionManager,
                List.of(userRepository::prefetch, processedActions::prefetchFor), properties.maxAttempts(),
                sizes::record);
    }

    @Bean(destroyMethod = "close")
    public CoalescingSubmitter coalescingSubmitter(GroupCommitter committer, CommandProperties properties) {
        return new CoalescingSubmitter(committer, properties.batching());
    }

    @Bean
    @ConditionalOnMissingBean(ActionIngress.class)
    public ActionIngress directIngress(CoalescingSubmitter coalescer, GroupCommitter committer,
                                       CommandProperties properties) {
        return new DirectIngress(coalescer, committer, properties.batching().maxSize(),
                properties.batching().answerTimeout());
    }

    @Bean
    public UserCommandTargets userCommandTargets() {
        return new UserCommandTargets();
    }

    @Bean
    public Cache userCache(UserAggregateProperties properties) {
        return new CaffeineAggregateCache(properties.cacheSize());
    }

    /** Axon's caching repository, plus new players found per batch without a query each (see the class). */
    @Bean
    public UserRepository userRepository(EventStore eventStore, Cache userCache,
                                         SnapshotTriggerDefinition userSnapshotTrigger,
                                         ParameterResolverFactory parameterResolverFactory,
                                         HandlerDefinition handlerDefinition, JdbcTemplate jdbc) {
        return new UserRepository(EventSourcingRepository.builder(User.class)
                .eventStore(eventStore)
                .snapshotTriggerDefinition(userSnapshotTrigger)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition), userCache, ids -> playersWithEvents(jdbc, ids));
    }

    private static Set<String> playersWithEvents(JdbcTemplate jdbc, Collection<String> userIds) {
        return new HashSet<>(jdbc.queryForList("""
                        SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                        WHERE aggregate_identifier = ANY(?::varchar[])""", String.class,
                (Object) userIds.toArray(String[]::new)));
    }

    @Bean
    public SnapshotTriggerDefinition userSnapshotTrigger(Snapshotter snapshotter,
                                                         UserAggregateProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Copies the request's origin from each command onto the events it produces. */
    @Bean
    public CorrelationDataProvider requestOriginCorrelation() {
        return new SimpleCorrelationDataProvider(RequestMetadata.CLIENT_IP, RequestMetadata.USER_AGENT,
                RequestMetadata.REQUEST_ID, RequestMetadata.SUBMITTED_BY, RequestMetadata.SPAN_ID);
    }

    /** Axon's default correlation and trace ids, which defining any provider would otherwise switch off. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
