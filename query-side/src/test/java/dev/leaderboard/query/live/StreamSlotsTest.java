package dev.leaderboard.query.live;

import dev.leaderboard.query.limits.OverCapacityException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamSlotsTest {

    private final StreamSlots slots = new StreamSlots(3, 2, Duration.ofSeconds(5));

    @Test
    void anAddressOverItsCapIsRefusedWith429WhileOtherAddressesStillGetSlots() {
        slots.acquire("10.0.0.1");
        slots.acquire("10.0.0.1");

        assertThatThrownBy(() -> slots.acquire("10.0.0.1")).isInstanceOfSatisfying(OverCapacityException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        slots.acquire("10.0.0.2");
        assertThat(slots.inUse()).isEqualTo(3);
    }

    @Test
    void theInstanceOverItsCapRefusesWith503AndARefusalTakesNoSlot() {
        slots.acquire("a");
        slots.acquire("b");
        slots.acquire("c");

        assertThatThrownBy(() -> slots.acquire("d")).isInstanceOfSatisfying(OverCapacityException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(slots.inUse()).isEqualTo(3);
    }

    @Test
    void aSlotReleasedTwiceFreesOnePlaceOnly() {
        StreamSlots.Slot first = slots.acquire("10.0.0.1");
        slots.acquire("10.0.0.1");

        first.release();
        first.release();

        assertThat(slots.inUse()).isEqualTo(1);
        slots.acquire("10.0.0.1");
        assertThatThrownBy(() -> slots.acquire("10.0.0.1")).isInstanceOf(OverCapacityException.class);
    }
}
