package dev.leaderboard.command.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.kafka.ActionRecordReader.Read;
import dev.leaderboard.command.kafka.ActionRecordReader.Refused;
import dev.leaderboard.command.kafka.ActionRecordReader.Valid;
import jakarta.validation.Validation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The record rules of the Kafka ingress: the REST body's, plus the key and a required userId. */
class ActionRecordReaderTest {

    private final ActionRecordReader reader = new ActionRecordReader(new ObjectMapper(),
            Validation.buildDefaultValidatorFactory().getValidator(), 200);

    @Test
    void aValidRecordBecomesASubmissionOnTheGlobalBoardWithDefaultOrigin() {
        Read read = reader.read(record("alice", "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":\"level-up\"}"));

        assertThat(read).isInstanceOf(Valid.class);
        Valid valid = (Valid) read;
        assertThat(valid.submission().command().leaderboardId()).isEqualTo("global");
        assertThat(valid.submission().metaData()).containsEntry("submittedBy", "kafka")
                .containsEntry("requestId", "leaderboard.actions-3-42");
    }

    @Test
    void aRecordsSegmentIsTrustedAndTravelsBackOntoTheTopicInKafkaIngressMode() {
        Valid valid = (Valid) reader.read(record("alice",
                "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":\"level-up\",\"segment\":\"eu\"}"));

        assertThat(valid.submission().command().segment()).isEqualTo("eu");
        assertThat(ActionRecord.of(valid.submission().command()).segment()).isEqualTo("eu");
        assertThat(reason(record("alice", "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":\"level-up\","
                + "\"segment\":\"e@u\"}"))).isEqualTo("invalid");
    }

    @Test
    void aValueThatIsNotAJsonObjectIsMalformed() {
        assertThat(reason(record("alice", "{\"actionId\":"))).isEqualTo("malformed");
        assertThat(reason(record("alice", "[1,2]"))).isEqualTo("malformed");
        assertThat(reason(record("alice", null))).isEqualTo("malformed");
    }

    @Test
    void unknownMistypedOrInvalidFieldsAndOversizedValuesAreInvalid() {
        assertThat(reason(record("alice", "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":\"x\",\"points\":5}")))
                .isEqualTo("invalid");
        assertThat(reason(record("alice", "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":[1]}")))
                .isEqualTo("invalid");
        assertThat(reason(record("alice", "{\"actionId\":\"a 1\",\"userId\":\"alice\",\"type\":\"x\"}")))
                .isEqualTo("invalid");
        Refused tooLarge = (Refused) reader.read(record("alice", "{\"actionId\":\"a-1\",\"userId\":\"alice\","
                + "\"type\":\"x\",\"attributes\":{\"note\":\"" + "y".repeat(200) + "\"}}"));
        assertThat(tooLarge.outcome().problem().reason()).isEqualTo("invalid");
        assertThat(tooLarge.outcome().problem().detail()).contains("at most 200");
    }

    @Test
    void aMissingUserIdOrAKeyOtherThanTheUserIdIsInvalid() {
        assertThat(reason(record("alice", "{\"actionId\":\"a-1\",\"type\":\"level-up\"}"))).isEqualTo("invalid");
        assertThat(reason(record("bob", "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":\"level-up\"}")))
                .isEqualTo("invalid");
        assertThat(reason(record(null, "{\"actionId\":\"a-1\",\"userId\":\"alice\",\"type\":\"level-up\"}")))
                .isEqualTo("invalid");
    }

    @Test
    void aRefusedRecordKeepsTheFieldsItCouldRead() {
        Refused refused = (Refused) reader.read(record("bob",
                "{\"actionId\":\"a-9\",\"userId\":\"alice\",\"type\":\"level-up\"}"));

        assertThat(refused.outcome().actionId()).isEqualTo("a-9");
        assertThat(refused.outcome().userId()).isEqualTo("alice");
        assertThat(refused.outcome().problem().status()).isEqualTo(400);
    }

    private String reason(ConsumerRecord<byte[], byte[]> record) {
        Read read = reader.read(record);
        assertThat(read).isInstanceOf(Refused.class);
        return ((Refused) read).outcome().problem().reason();
    }

    @Test
    void theTraceAndSpanIdsOfAW3cTraceparentOrOfTheRestIngressGoOntoTheEvent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ConsumerRecord<byte[], byte[]> traced = record("alice", "{\"actionId\":\"a-1\",\"userId\":\"alice\","
                + "\"type\":\"level-up\"}");
        traced.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> fromRest = record("alice", "{\"actionId\":\"a-2\",\"userId\":\"alice\","
                + "\"type\":\"level-up\"}");
        fromRest.headers().add("trace-id", traceId.getBytes(StandardCharsets.UTF_8));
        fromRest.headers().add("span-id", "53995c3f42cd8ad8".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> forged = record("alice", "{\"actionId\":\"a-3\",\"userId\":\"alice\","
                + "\"type\":\"level-up\"}");
        forged.headers().add("traceparent", "00-<script>-x-01".getBytes(StandardCharsets.UTF_8));

        assertThat(((Valid) reader.read(traced)).submission().metaData()).containsEntry("traceId", traceId);
        assertThat(((Valid) reader.read(fromRest)).submission().metaData()).containsEntry("traceId", traceId);
        assertThat(((Valid) reader.read(forged)).submission().metaData()).doesNotContainKey("traceId");
        assertThat(((Valid) reader.read(traced)).submission().metaData()).containsEntry("spanId", "00f067aa0ba902b7");
        assertThat(((Valid) reader.read(fromRest)).submission().metaData()).containsEntry("spanId", "53995c3f42cd8ad8");
        assertThat(((Valid) reader.read(forged)).submission().metaData()).doesNotContainKey("spanId");
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
        return new ConsumerRecord<>("leaderboard.actions", 3, 42, key == null ? null
                : key.getBytes(StandardCharsets.UTF_8), value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
