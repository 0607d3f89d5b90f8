package dev.leaderboard.bench.reads;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesTest {

    @Test
    void aClientsFirstEventShowingAChangeCountsFromTheChangesAnswerAndCoalescedEventsCoverEarlierChanges() {
        Deliveries d = new Deliveries(3, 2, 100);
        int a = d.open();
        int b = d.open();
        d.changed(1, 1_000);
        d.received(a, OptionalLong.of(100), 1_010);
        d.received(a, OptionalLong.of(100), 1_500); // the same change again: not a new delivery
        d.received(b, OptionalLong.empty(), 1_020); // an event without the leader
        assertThat(d.allReceived(1)).isFalse();
        d.changed(2, 2_000);
        d.received(b, OptionalLong.of(200), 2_030); // coalesced: changes 1 and 2 at once
        d.received(a, OptionalLong.of(250), 1_995); // before the 202 arrived
        assertThat(d.allReceived(1)).isTrue();
        assertThat(d.allReceived(2)).isTrue();

        assertThat(d.changes()).containsExactly(
                new Deliveries.Change(1, 2, 2, 10, 10, 1_030, 1_030),
                new Deliveries.Change(2, 2, 2, -5, -5, 30, 30));
    }

    @Test
    void changesNotMadeYetAreNotReportedAndMissedClientsAreCounted() {
        Deliveries d = new Deliveries(2, 3, 10);
        d.open();
        d.open();
        d.changed(1, 50);
        d.received(0, OptionalLong.of(10), 60);
        assertThat(d.changes()).containsExactly(new Deliveries.Change(1, 1, 2, 10, 10, 10, 10));
    }

    @Test
    void theLeadersScoreIsFoundInGatlingsMessageWhetherDataIsJsonOrAString() {
        String entries = "{\"leaderboardId\":\"global\",\"entries\":[{\"rank\":1,\"userId\":\"lead\",\"score\":300},"
                + "{\"rank\":2,\"userId\":\"u1\",\"score\":99}]}";
        assertThat(Deliveries.leaderScore("{\"event\":\"leaderboard\",\"id\":\"4\",\"data\":" + entries + "}", "lead"))
                .hasValue(300);
        assertThat(Deliveries.leaderScore("{\"event\":\"leaderboard\",\"data\":\"" + entries.replace("\"", "\\\"")
                + "\"}", "lead")).hasValue(300);
        assertThat(Deliveries.leaderScore("{\"event\":\"leaderboard\",\"data\":" + entries + "}", "nobody")).isEmpty();
        assertThat(Deliveries.leaderScore("not json", "lead")).isEmpty();
    }
}
