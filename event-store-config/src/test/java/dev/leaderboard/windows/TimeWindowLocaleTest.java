package dev.leaderboard.windows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Period keys are stored in events and named in the API: they must not depend on the host's locale. */
class TimeWindowLocaleTest {

    private static final Instant SUNDAY = Instant.parse("2026-02-15T12:00:00Z");

    private Locale defaultFormatLocale;

    @BeforeEach
    void rememberDefaultLocale() {
        defaultFormatLocale = Locale.getDefault(Locale.Category.FORMAT);
    }

    @AfterEach
    void restoreDefaultLocale() {
        Locale.setDefault(Locale.Category.FORMAT, defaultFormatLocale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-EG", "th-TH-u-nu-thai"})
    void keysUseAsciiDigitsWhateverTheDefaultLocale(String languageTag) {
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(languageTag));

        assertThat(TimeWindow.DAILY.periodOf(SUNDAY).key()).isEqualTo("2026-02-15");
        assertThat(TimeWindow.WEEKLY.periodOf(SUNDAY).key()).isEqualTo("2026-W07");
        assertThat(TimeWindow.MONTHLY.periodOf(SUNDAY).key()).isEqualTo("2026-02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-EG", "th-TH-u-nu-thai"})
    void weeklyKeyRoundTripsWhateverTheDefaultLocale(String languageTag) {
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(languageTag));

        Period week = TimeWindow.WEEKLY.periodOf(SUNDAY);

        assertThat(TimeWindow.WEEKLY.parsePeriod(week.key())).isEqualTo(week);
    }
}
