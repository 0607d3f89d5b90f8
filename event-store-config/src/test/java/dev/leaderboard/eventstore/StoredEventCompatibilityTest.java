package dev.leaderboard.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leaderboard.events.BoardTier;
import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.ClosedTier;
import dev.leaderboard.events.LeaderboardDefined;
import dev.leaderboard.events.PeriodClosed;
import dev.leaderboard.events.PlayerFlagged;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored forever under their class name and revision. Every revision of every event has a JSON sample
 * here, exactly as the project's serializer wrote it, and must keep deserializing to the same record.
 */
class StoredEventCompatibilityTest {

    private static final String EVENTS_PACKAGE = ScoreIncreased.class.getPackageName();
    private static final String SAMPLES = "stored-events";

    private final Serializer serializer = new EventStoreAutoConfiguration().serializer();
    private final ObjectMapper json = new ObjectMapper();

    record Sample(Class<?> type, String revision, Object expected) {

        String fileName() {
            return type.getSimpleName() + "-r" + revision + ".json";
        }

        byte[] storedBytes() {
            try (InputStream in = StoredEventCompatibilityTest.class.getClassLoader()
                    .getResourceAsStream(SAMPLES + "/" + fileName())) {
                assertThat(in).as("stored sample %s/%s", SAMPLES, fileName()).isNotNull();
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return fileName();
        }
    }

    static List<Sample> samples() {
        return List.of(
                new Sample(ScoreIncreased.class, "1", new ScoreIncreased(
                        "alice", "global", "7f0c2a4e-1b9d-4c1e-9a57-3f0b6c2d8e11", "quiz-completed", 10,
                        new WindowTotals(1500,
                                new PeriodTotal("2026-11-22", 30),
                                new PeriodTotal("2026-W47", 120),
                                new PeriodTotal("2026-11", 400)),
                        Instant.parse("2026-11-22T10:15:30.123456Z"),
                        Map.of("quiz", "capitals", "correct", 9, "perfect", false,
                                "round", Map.of("number", 3, "name", "final")),
                        null)),
                new Sample(LeaderboardDefined.class, "1", new LeaderboardDefined(
                        "weekly-quiz", "Weekly quiz", "The best quizzers of the week",
                        Instant.parse("2026-11-20T08:00:00Z"))),
                new Sample(ScoreAdjusted.class, "1", new ScoreAdjusted("alice", "global", "ticket-4711", -200,
                        new WindowTotals(1300, null, new PeriodTotal("2026-W47", 0),
                                new PeriodTotal("2026-11", 200)),
                        "refund of points farmed with a replayed quiz", "ops-anna",
                        Instant.parse("2026-11-23T09:00:00Z"), null)),
                new Sample(PlayerSuspended.class, "1", new PlayerSuspended("alice", "shared account", "ops-anna",
                        null, Instant.parse("2026-11-23T09:05:00Z"))),
                new Sample(PlayerReinstated.class, "1", new PlayerReinstated("alice", "appeal accepted", "ops-ben",
                        Instant.parse("2026-11-24T12:00:00Z"))),
                new Sample(PlayerFlagged.class, "1", new PlayerFlagged("alice",
                        "0b6f3c1e-5d2a-4f7e-9c11-2a3b4c5d6e7f", "burst",
                        Map.of("actions", 31, "within", "PT10S", "threshold", 30),
                        Instant.parse("2026-11-22T10:15:31Z"))),
                new Sample(FlagResolved.class, "1", new FlagResolved("alice", "0b6f3c1e-5d2a-4f7e-9c11-2a3b4c5d6e7f",
                        "dismissed", "tournament final, many quick answers", "ops-ben",
                        Instant.parse("2026-11-22T11:00:00Z"))),
                new Sample(PeriodClosed.class, "1", new PeriodClosed("global", "daily", "2026-11-22",
                        Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"),
                        Instant.parse("2026-11-23T00:05:00.250Z"), 48213, 3,
                        List.of(new ClosedTier("gold", 1, 1, 1, 120L), new ClosedTier("silver", 2, 1, 0, null)),
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void storedSampleDeserializesToTheSameEvent(Sample sample) {
        assertThat(deserialize(sample, sample.storedBytes())).isEqualTo(sample.expected());
    }

    /** The additive field {@code segment}: stored events without it read as "no segment", new ones keep it. */
    @Test
    void segmentOfScoreEventsIsWrittenAndReadBackWithoutANewRevision() {
        for (Object event : List.of(
                new ScoreIncreased("alice", "global", "a-1", "quiz-completed", 10,
                        new WindowTotals(10, null, null, null), Instant.parse("2026-11-22T10:15:30Z"), Map.of(), "eu"),
                new ScoreAdjusted("alice", "global", "adj-1", 5, new WindowTotals(15, null, null, null), "why",
                        "ops-anna", Instant.parse("2026-11-22T10:16:00Z"), "eu"))) {
            SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);

            assertThat(written.getType().getRevision()).isEqualTo("1");
            assertThat(new String(written.getData(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"segment\":\"eu\"");
            assertThat((Object) serializer.deserialize(written)).isEqualTo(event);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void unknownFieldsInStoredJsonAreIgnored(Sample sample) throws IOException {
        JsonNode stored = json.readTree(sample.storedBytes());
        addUnknownFieldsToEveryRecord(stored, sample.type());

        assertThat(deserialize(sample, json.writeValueAsBytes(stored))).isEqualTo(sample.expected());
    }

    /**
     * The revision rule: adding a field keeps the revision (old events read it as null, old readers ignore it);
     * removing, renaming or retyping a stored field needs a new {@code @Revision} and an upcaster. So the current
     * class must still write every field of its stored sample, with the same JSON kind.
     */
    @Test
    void currentRevisionStillWritesEveryFieldOfItsStoredSample() throws IOException {
        for (Class<?> event : eventClasses()) {
            Sample current = currentSampleOf(event);
            SerializedObject<byte[]> written = serializer.serialize(current.expected(), byte[].class);

            assertThat(written.getType().getName()).isEqualTo(event.getName());
            assertThat(written.getType().getRevision()).isEqualTo(current.revision());
            Map<String, JsonNodeType> writtenFields = fieldKinds(json.readTree(written.getData()), "");
            assertThat(writtenFields)
                    .as("%s still writes every stored field; removing or changing one needs a new @Revision and an"
                            + " upcaster", event)
                    .containsAllEntriesOf(fieldKinds(json.readTree(current.storedBytes()), ""));
        }
    }

    private static Map<String, JsonNodeType> fieldKinds(JsonNode node, String path) {
        Map<String, JsonNodeType> kinds = new TreeMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> kinds.putAll(fieldKinds(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey())));
        } else if (!path.isEmpty()) {
            kinds.put(path, node.getNodeType());
        }
        return kinds;
    }

    @Test
    void everyEventHasASampleOfItsCurrentRevision() {
        assertThat(eventClasses()).isNotEmpty().allSatisfy(event ->
                assertThat(samples())
                        .as("a stored sample of %s revision %s", event.getSimpleName(), revisionOf(event))
                        .anyMatch(s -> s.type().equals(event) && s.revision().equals(revisionOf(event))));
    }

    @Test
    void everyClassInTheEventsPackageIsARevisionedEventOrAValueInsideOne() {
        Set<Class<?>> events = eventClasses();
        Set<Class<?>> values = new HashSet<>();
        events.forEach(event -> collectValueTypes(event, values));

        assertThat(classesInEventsPackage())
                .as("every class in %s is an event with @Revision and a stored sample, or part of one",
                        EVENTS_PACKAGE)
                .allMatch(c -> events.contains(c) || values.contains(c));
        assertThat(events).contains(ScoreIncreased.class, LeaderboardDefined.class);
    }

    @Test
    void everyStoredSampleFileIsChecked() throws IOException, URISyntaxException {
        Path directory = Path.of(getClass().getClassLoader().getResource(SAMPLES).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(samples().stream().map(Sample::fileName).toList());
        }
    }

    /** Tiers were added to revision 1 as a nullable field: events stored before them read as "no tiers". */
    @Test
    void leaderboardDefinedKeepsItsTiersExactlyAndOlderEventsReadWithoutTiers() {
        LeaderboardDefined withTiers = new LeaderboardDefined("weekly-quiz", "Weekly quiz", null,
                Instant.parse("2026-12-01T08:00:00Z"),
                List.of(new BoardTier("gold", 10L, null), new BoardTier("silver", null, new BigDecimal("12.5"))));
        SerializedObject<byte[]> written = serializer.serialize(withTiers, byte[].class);

        assertThat(written.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(withTiers);
        Sample stored = currentSampleOf(LeaderboardDefined.class);
        assertThat(((LeaderboardDefined) deserialize(stored, stored.storedBytes())).tiers()).isNull();
    }

    private Object deserialize(Sample sample, byte[] bytes) {
        SerializedType type = serializer.typeForClass(sample.type());
        assertThat(type.getName()).isEqualTo(sample.type().getName());
        return serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, sample.type().getName(), sample.revision()));
    }

    private static void addUnknownFieldsToEveryRecord(JsonNode node, Class<?> recordType) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (RecordComponent component : recordType.getRecordComponents()) {
            if (component.getType().isRecord()) {
                addUnknownFieldsToEveryRecord(object.get(component.getName()), component.getType());
            }
        }
        object.put("addedByALaterRevision", "ignored by older readers");
        object.putObject("nestedAdditionLater").put("count", 1);
    }

    private static Sample currentSampleOf(Class<?> event) {
        return samples().stream()
                .filter(s -> s.type().equals(event) && s.revision().equals(revisionOf(event)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample of the current revision of " + event));
    }

    private static String revisionOf(Class<?> event) {
        return event.getAnnotation(Revision.class).value();
    }

    private static Set<Class<?>> eventClasses() {
        return classesInEventsPackage().stream()
                .filter(c -> c.isAnnotationPresent(Revision.class))
                .collect(Collectors.toSet());
    }

    private static void collectValueTypes(Class<?> record, Set<Class<?>> found) {
        for (RecordComponent component : record.getRecordComponents()) {
            collectFromType(component.getGenericType(), found);
        }
    }

    private static void collectFromType(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            collectFromType(parameterized.getRawType(), found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectFromType(argument, found);
            }
        } else if (type instanceof Class<?> c && c.getPackageName().equals(EVENTS_PACKAGE) && found.add(c)
                && c.isRecord()) {
            collectValueTypes(c, found);
        }
    }

    /** Every top-level class compiled into the events package, found on disk so a new class cannot be missed. */
    private static Set<Class<?>> classesInEventsPackage() {
        try {
            Path root = Path.of(ScoreIncreased.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path directory = root.resolve(EVENTS_PACKAGE.replace('.', '/'));
            try (Stream<Path> files = Files.list(directory)) {
                return files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".class") && !name.contains("$")
                                && !name.equals("package-info.class"))
                        .map(name -> load(EVENTS_PACKAGE + "." + name.substring(0, name.length() - ".class".length())))
                        .collect(Collectors.toSet());
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + EVENTS_PACKAGE, e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
