package dev.leaderboard.projections.periods;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.windows.Period;
import dev.leaderboard.windows.TimeWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes every board's ended daily, weekly and monthly periods once their grace has passed: fences the period,
 * waits (from poll to poll) until the live standings hold everything up to the fence, then sends one
 * {@link ClosePeriod} per board with standings in it. Several instances may run it; each period closes once.
 */
public class PeriodCloser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodCloser.class);
    private static final List<TimeWindow> CLOSABLE = List.of(TimeWindow.DAILY, TimeWindow.WEEKLY, TimeWindow.MONTHLY);

    private final PeriodCloseProperties properties;
    private final BoardDirectory boards;
    private final PeriodFences fences;
    private final FenceCoverage coverage;
    private final PeriodResults results;
    private final CommandGateway commands;
    private final Clock clock;
    private final Counter closed;
    private final Counter failures;
    private final Timer closeTime;
    private ScheduledExecutorService scheduler;

    public PeriodCloser(PeriodCloseProperties properties, BoardDirectory boards, PeriodFences fences,
                        FenceCoverage coverage, PeriodResults results, CommandGateway commands, Clock clock,
                        MeterRegistry meters) {
        this.properties = properties;
        this.boards = boards;
        this.fences = fences;
        this.coverage = coverage;
        this.results = results;
        this.commands = commands;
        this.clock = clock;
        this.closed = Counter.builder("leaderboard.periods.closed").description("Board periods closed here")
                .register(meters);
        this.failures = Counter.builder("leaderboard.periods.close-failures")
                .description("Closes that failed and are tried again at the next poll").register(meters);
        this.closeTime = Timer.builder("leaderboard.periods.close")
                .description("Time to close one board's period: freeze its rows and append PeriodClosed")
                .register(meters);
    }

    /** One round: closes what is due and covered; what is not yet covered is tried again at the next round. */
    public void closeDuePeriods() {
        Instant now = clock.instant();
        List<BoardToClose> boardsToClose = new ArrayList<>();
        for (LeaderboardDefinition board : boards.all()) {
            boardsToClose.add(new BoardToClose(board.leaderboardId(), board.tiers()));
            results.segmentBoardsOf(board.leaderboardId())
                    .forEach(segment -> boardsToClose.add(new BoardToClose(segment, board.tiers())));
        }
        for (TimeWindow window : CLOSABLE) {
            for (Period period : duePeriods(window, now)) {
                closeIfCovered(boardsToClose, window, period, now);
            }
        }
    }

    /** The window's periods whose end plus grace has passed, newest first, back to the lookback. */
    List<Period> duePeriods(TimeWindow window, Instant now) {
        List<Period> due = new ArrayList<>();
        Instant oldestEnd = now.minus(properties.lookback());
        Period period = window.periodOf(now.minus(properties.grace()));
        while (true) {
            period = window.periodOf(period.start().minusNanos(1));
            if (period.end().isBefore(oldestEnd)) {
                return due;
            }
            due.add(period);
        }
    }

    /** A board, or one of its segments (which takes the board's tiers), that a period may be closed for. */
    private record BoardToClose(String leaderboardId, List<Tier> tiers) {
    }

    private void closeIfCovered(List<BoardToClose> boardsToClose, TimeWindow window, Period period, Instant now) {
        List<BoardToClose> open = boardsToClose.stream()
                .filter(board -> !results.isClosed(board.leaderboardId(), window, period.key())
                        && results.hasStandings(board.leaderboardId(), window, period.key()))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        long fence = fences.fence(window, period.key(), now);
        if (!coverage.covered(window, period.key(), fence)) {
            log.debug("{} {} fenced at {}: waiting for the standings to cover it", window.id(), period.key(), fence);
            return;
        }
        for (BoardToClose board : open) {
            ClosePeriod command = new ClosePeriod(board.leaderboardId(), window, period, fence, board.tiers());
            try {
                closeTime.record(() -> commands.sendAndWait(command));
                closed.increment();
                log.info("Closed {} (fence {})", command.aggregateId(), fence);
            } catch (RuntimeException e) {
                if (results.isClosed(command.leaderboardId(), window, period.key())) {
                    log.debug("{} was closed by another instance", command.aggregateId());
                } else {
                    failures.increment();
                    log.warn("Closing {} failed; tried again in {}", command.aggregateId(),
                            properties.pollInterval(), e);
                }
            }
        }
    }

    private void runRound() {
        try {
            closeDuePeriods();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Closing periods failed; tried again in {}", properties.pollInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "period-closer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runRound, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
