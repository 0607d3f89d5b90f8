package dev.leaderboard.command.scoring;

import dev.leaderboard.eventstore.CaffeineAggregateCache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UserRepositoryTest {

    private final UserRepository repository = new UserRepository(EventSourcingRepository.builder(User.class)
            .eventStore(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
            .cache(new CaffeineAggregateCache(10)));

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
    void aNewPlayerIsStillCreatedOnDemand() throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        Aggregate<User> created = repository.loadOrCreate("new-3", User::new);
        unitOfWork.commit();

        assertThat(created.version()).isNull();
    }
}
