package dev.leaderboard.query.export;

/**
 * One CSV text cell, safe to open in a spreadsheet: a value that starts like a formula ({@code = + - @}, tab, CR)
 * gets a leading {@code '} so it is shown as text instead of being evaluated (CSV injection; user ids may start
 * with {@code -}), and a value holding a comma, quote or line break is quoted as RFC 4180 says. Numbers (rank,
 * score) are written as they are: escaping them would turn them into text.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String text(String value) {
        String cell = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
