package dev.leaderboard.projections.layout;

import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTest {

    private final RedisKeys keys = new RedisKeys("lb");

    @Test
    void boardKeysCarryTheGenerationAndTheBoardAsHashTag() {
        assertThat(keys.ranking(3, "global", TimeWindow.DAILY, "2026-03-01"))
                .isEqualTo("lb:g3:{global|daily|2026-03-01}:rank");
        assertThat(keys.members(3, "global", TimeWindow.DAILY, "2026-03-01"))
                .isEqualTo("lb:g3:{global|daily|2026-03-01}:members");
        assertThat(keys.version(3, "global", TimeWindow.DAILY, "2026-03-01"))
                .isEqualTo("lb:g3:{global|daily|2026-03-01}:version");
    }

    @Test
    void allKeysOfOneBoardHashToOneSlot() {
        String ranking = keys.ranking(12, "b", TimeWindow.WEEKLY, "2026-W10");
        String members = keys.members(12, "b", TimeWindow.WEEKLY, "2026-W10");
        String version = keys.version(12, "b", TimeWindow.WEEKLY, "2026-W10");

        assertThat(hashTag(ranking)).isEqualTo("b|weekly|2026-W10").isEqualTo(hashTag(members))
                .isEqualTo(hashTag(version));
    }

    @Test
    void aBoardsKeysGoToTheScriptsAsRankingMembersVersion() {
        assertThat(keys.board(3, "global", TimeWindow.DAILY, "2026-03-01").inScriptOrder()).containsExactly(
                keys.ranking(3, "global", TimeWindow.DAILY, "2026-03-01"),
                keys.members(3, "global", TimeWindow.DAILY, "2026-03-01"),
                keys.version(3, "global", TimeWindow.DAILY, "2026-03-01"));
    }

    @Test
    void aBoardTemplateWithTheGenerationSubstitutedIsTheBoardsKey() {
        RedisKeys.BoardKeys templates = keys.boardTemplates("global", "monthly", "2026-03");

        assertThat(inGeneration(templates.ranking(), 7)).isEqualTo(keys.ranking(7, "global", TimeWindow.MONTHLY,
                "2026-03"));
        assertThat(inGeneration(templates.members(), 7)).isEqualTo(keys.members(7, "global", TimeWindow.MONTHLY,
                "2026-03"));
        assertThat(inGeneration(templates.version(), 7)).isEqualTo(keys.version(7, "global", TimeWindow.MONTHLY,
                "2026-03"));
    }

    @Test
    void theGenerationPlaceholderComesBeforeTheBoardSoTheFirstOccurrenceIsReplaced() {
        // read-prelude.lua replaces the first occurrence only: a board id must not be able to come first.
        String template = keys.boardTemplates("{generation}", "daily", "2026-03-01").ranking();

        assertThat(template.indexOf(RedisKeys.GENERATION_PLACEHOLDER)).isEqualTo("lb:g".length());
        assertThat(inGeneration(template, 2)).isEqualTo("lb:g2:{{generation}|daily|2026-03-01}:rank");
    }

    @Test
    void singleKeysAndPatterns() {
        assertThat(keys.generationPointer()).isEqualTo("lb:generation");
        assertThat(keys.restoringMarker()).isEqualTo("lb:restoring");
        assertThat(keys.epoch()).isEqualTo("lb:epoch");
        assertThat(keys.changesChannel()).isEqualTo("lb:changes");
        assertThat(keys.suspended(4)).isEqualTo("lb:g4:suspended");
        assertThat(keys.generationPattern(4)).isEqualTo("lb:g4:*");
        assertThat(keys.rankingPattern(4)).isEqualTo("lb:g4:{*|*|*}:rank");
        assertThat(keys.anyGenerationPattern()).isEqualTo("lb:g*");
    }

    @Test
    void generationKeysAreToldFromOtherKeysUnderTheSamePattern() {
        assertThat(keys.isGenerationKey(keys.suspended(4))).isTrue();
        assertThat(keys.isGenerationKey(keys.ranking(41, "b", TimeWindow.ALL_TIME, "all-time"))).isTrue();
        assertThat(keys.isGenerationKey(keys.generationPointer())).isFalse();
        assertThat(keys.isGenerationKey("lb:gx:1")).isFalse();
        assertThat(keys.isGenerationKey("lb:g12")).isFalse();
        assertThat(keys.isGenerationKey("other:g1:suspended")).isFalse();
    }

    /** What read-prelude.lua does: the first placeholder replaced, by position. */
    private static String inGeneration(String template, int generation) {
        int at = template.indexOf(RedisKeys.GENERATION_PLACEHOLDER);
        return template.substring(0, at) + generation + template.substring(at + RedisKeys.GENERATION_PLACEHOLDER.length());
    }

    private static String hashTag(String key) {
        return key.substring(key.indexOf('{') + 1, key.indexOf('}'));
    }
}
