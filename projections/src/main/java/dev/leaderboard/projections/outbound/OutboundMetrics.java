package dev.leaderboard.projections.outbound;

import dev.leaderboard.projections.ProjectionMetrics;
import dev.leaderboard.projections.admin.CachedStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbound publisher on /actuator/prometheus: records published, batches Kafka did not take, and the same lag
 * gauges as the standings ({@code leaderboard.projection.lag.*}, tag {@code projection=outbound-score-events}).
 */
public class OutboundMetrics implements MeterBinder {

    private final OutboundSender sender;
    private final CachedStatus status;

    public OutboundMetrics(OutboundSender sender, CachedStatus status) {
        this.sender = sender;
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("leaderboard.outbound.records.published", sender, OutboundSender::published)
                .description("Records the broker acknowledged (a batch published again after a failure counts again)")
                .tag("processor", ScoreEventsPublisher.PROCESSING_GROUP).register(registry);
        FunctionCounter.builder("leaderboard.outbound.batches.failed", sender, OutboundSender::failedBatches)
                .description("Batches Kafka did not acknowledge in time; each is retried, nothing is skipped")
                .tag("processor", ScoreEventsPublisher.PROCESSING_GROUP).register(registry);
        ProjectionMetrics.bindProgress(registry, ScoreEventsPublisher.PROCESSING_GROUP, status);
    }
}
