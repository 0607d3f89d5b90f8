package dev.leaderboard.command.scoring;

import dev.leaderboard.eventstore.CaffeineAggregateCache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UserRepositoryTest {

    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<Collection<String>> existenceQueries = new ArrayList<>();
    private final UserRepository repository = new UserRepository(EventSourcingRepository.builder(User.class)
            .eventStore(store), new CaffeineAggregateCache(10), ids -> {
                existenceQueries.add(List.copyOf(ids));
                return ids.stream().filter(id -> store.readEvents(id).hasNext()).collect(Collectors.toSet());
            });

    @Test
    void newPlayersAreSignalledWithoutBuildingAStackTraceEachTime() {
        AggregateNotFoundException first = catchThrowableOfType(AggregateNotFoundException.class,
                () -> repository.readEvents("new-1"));
        AggregateNotFoundException second = catchThrowableOfType(AggregateNotFoundException.class,
                () -> repository.readEvents("new-2"));

        assertThat(first).isSameAs(second);
        assertThat(first.getClass()).isEqualTo(AggregateNotFoundException.class);
        assertThat(first.getStackTrace()).isEmpty();
    }

    @Test
    void prefetchedNewPlayersAreCreatedWithoutReadingTheStore() throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        repository.prefetch(List.of(submit("new-4"), submit("new-5"), submit("new-4")));
        Aggregate<User> created = repository.loadOrCreate("new-4", User::new);
        unitOfWork.commit();

        assertThat(existenceQueries).containsExactly(List.of("new-4", "new-5"));
        assertThat(created.version()).isNull();
    }

    private static SubmitAction submit(String userId) {
        return new SubmitAction(userId, "a", "quiz-completed", "global", null);
    }

    @Test
    void aNewPlayerIsStillCreatedOnDemand() throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        Aggregate<User> created = repository.loadOrCreate("new-3", User::new);
        unitOfWork.commit();

        assertThat(created.version()).isNull();
    }
}
