package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.core.PopulationBuilder;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One read phase on Gatling: {@code readers} closed-loop virtual users (one request in flight each, shared
 * keep-alive connections) sending {@code GET path} (OK = 200), and,
 * with a {@link WriteLoad}, an open-loop action load beside it ({@code constantUsersPerSec}: arrivals do not wait
 * for answers), over REST ({@code POST /api/v1/actions}, OK = 202) or Kafka (one record per arrival).
 */
public record ReadLoad(URI baseUrl, String name, Supplier<String> path, int readers, Optional<WriteLoad> write) {

    public static final String WRITE = "write";

    public enum Via { kafka, rest }

    /** @param bootstrap the broker, for {@code via} kafka */
    public record WriteLoad(int rate, Via via, String token, String bootstrap, int players, String runId,
                            AtomicLong acknowledged) {

        String user() {
            return "w" + ThreadLocalRandom.current().nextInt(players);
        }

        String action(long n, String user) {
            return ServerApi.action(runId + "-w" + n, "quiz-completed", user);
        }
    }

    public static class Load extends GatlingRun.Metered {

        private final ReadLoad load = GatlingRun.parameters(ReadLoad.class);
        private final boolean measured = GatlingRun.measured();
        private KafkaProducer<String, String> producer;

        {
            List<PopulationBuilder> populations = new ArrayList<>(List.of(scenario(load.name())
                    .exec(http(load.name()).get(s -> load.path().get()).check(status().is(200)))
                    .injectClosed(constantConcurrentUsers(load.readers()).during(GatlingRun.during()))));
            load.write().ifPresent(w -> populations.add(scenario(WRITE).exec(w.via() == Via.kafka ? exec(s -> {
                String user = w.user();
                producer.send(new ProducerRecord<>("leaderboard.actions", user, w.action(GatlingRun.nextId(),
                        user)), (metadata, e) -> w.acknowledged().addAndGet(e == null && measured ? 1 : 0));
                return s;
            }) : exec(http(WRITE).post("/api/v1/actions").header("Authorization", "Bearer "
                    + w.token()).body(StringBody(s -> w.action(GatlingRun.nextId(), w.user())))
                    .check(status().is(202))))
                    .injectOpen(constantUsersPerSec(w.rate()).during(GatlingRun.during()))));
            setUp(populations).protocols(http.baseUrl(load.baseUrl().toString()).shareConnections()
                    .contentTypeHeader("application/json").disableWarmUp());
        }

        @Override
        public void before() {
            load.write().filter(w -> w.via() == Via.kafka).ifPresent(w -> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, w.bootstrap(), ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
            super.before();
        }

        @Override
        public void after() {
            super.after();
            if (producer != null) {
                producer.close();
            }
        }
    }
}
