package dev.leaderboard.query.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "alice|alice",
            "-2.5|'-2.5",
            "=HYPERLINK(\"x\")|~\"'=HYPERLINK(\"\"x\"\")\"~",
            "+1|'+1",
            "@SUM(A1)|'@SUM(A1)",
            "a,b|~\"a,b\"~",
            "say \"hi\"|~\"say \"\"hi\"\"\"~",
            "a-b|a-b"})
    void cellsThatCouldStartAFormulaAreTextAndSpecialCharactersAreQuoted(String value, String cell) {
        assertThat(CsvCells.text(value)).isEqualTo(cell);
    }

    @org.junit.jupiter.api.Test
    void tabAndCarriageReturnAtTheStartAreEscapedAndLineBreaksQuoted() {
        assertThat(CsvCells.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.text("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("")).isEmpty();
    }
}
