package dev.leaderboard.query.live;

import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.RankingPage;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class StreamGroupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final List<Slice.OfPeriod> reads = new ArrayList<>();
    private final List<Long> fanOuts = new ArrayList<>();
    private RankingPage top = new RankingPage(1, List.of(new RankedEntry(1, "ann", 10)));

    private StreamGroup group() {
        Function<Slice.OfPeriod, RankingPage> readTop = slice -> {
            reads.add(slice);
            return top;
        };
        return new StreamGroup(new StreamGroup.Key("global", TimeWindow.DAILY, 3), Duration.ofMillis(250), CLOCK,
                scheduler, readTop, Object::toString, fanOuts::add, Runnable::run);
    }

    private Runnable scheduledFlush() {
        ArgumentCaptor<Runnable> flush = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(flush.capture(), anyLong(), eq(TimeUnit.MILLISECONDS));
        return flush.getValue();
    }

    @Test
    void manyNotificationsBeforeTheFlushCostOneReadOfTheTop() {
        StreamGroup group = group();
        group.markDirty("2026-11-22");
        group.markDirty("2026-11-22");
        group.markDirty("2026-11-22");

        scheduledFlush().run();

        verify(scheduler, times(1)).schedule(any(Runnable.class), anyLong(), any());
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).period().key()).isEqualTo("2026-11-22");
    }

    @Test
    void anUnchangedTopIsNotSentAgain() {
        StreamGroup group = group();
        group.markDirty("2026-11-22");
        scheduledFlush().run();
        assertThat(fanOuts).hasSize(1);

        group.markDirty("2026-11-22");
        ArgumentCaptor<Runnable> flushes = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler, times(2)).schedule(flushes.capture(), anyLong(), any());
        flushes.getAllValues().get(1).run();

        assertThat(reads).hasSize(2);
        assertThat(fanOuts).as("nothing offered for the same rows").hasSize(1);
    }

    @Test
    void aChangedTopIsSent() {
        StreamGroup group = group();
        group.markDirty("2026-11-22");
        scheduledFlush().run();
        top = new RankingPage(2, List.of(new RankedEntry(1, "bob", 20), new RankedEntry(2, "ann", 10)));

        group.markDirty("2026-11-22");
        ArgumentCaptor<Runnable> flushes = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler, times(2)).schedule(flushes.capture(), anyLong(), any());
        flushes.getAllValues().get(1).run();

        assertThat(fanOuts).hasSize(2);
    }

    @Test
    void aFrameIsOneServerSentEventOnOneDataLine() {
        assertThat(new String(StreamGroup.frame(7, "{\"a\":1}"), StandardCharsets.UTF_8))
                .isEqualTo("event:leaderboard\nid:7\ndata:{\"a\":1}\n\n");
    }
}
