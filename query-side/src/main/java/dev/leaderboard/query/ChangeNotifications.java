package dev.leaderboard.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.query.live.LiveStreams;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.query.rankings.RenderedReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * Change notifications from whichever instance projected them: newer board versions make rendered pages stale,
 * custom-range pages of a changed day are dropped, live clients are updated. Whenever the subscription is
 * (re)established, everything learnt from earlier notifications is forgotten: messages published while it was down
 * are lost.
 */
final class ChangeNotifications implements MessageListener, SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final ObjectMapper stored = StoredJson.newObjectMapper();
    private final RenderedReads reads;
    private final Rankings rankings;
    private final LiveStreams streams;

    ChangeNotifications(RenderedReads reads, Rankings rankings, LiveStreams streams) {
        this.reads = reads;
        this.rankings = rankings;
        this.streams = streams;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        BoardChange change;
        try {
            change = stored.readValue(message.getBody(), BoardChange.class);
        } catch (Exception e) {
            log.warn("Ignoring a malformed change notification: {}", e.toString());
            return;
        }
        reads.onChange(change);
        rankings.evict(change);
        streams.onChange(change);
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        reads.forgetAll();
    }
}
