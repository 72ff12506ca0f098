package nym.cli;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Log lines as the seed shows them: {@code  2020-05-26T18:45:32.098 INFO  pemstore::pemstore > ...},
 * with the level as ERROR, WARN, INFO, DEBUG or TRACE, and a failure's message (never its stack
 * trace) appended.
 */
public final class OneLineLogFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        if (record.getThrown() != null) {
            message += ": " + record.getThrown();
        }
        return " " + TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())) + " "
                + String.format("%-5s", level(record.getLevel())) + " " + record.getLoggerName() + " > " + message
                + System.lineSeparator();
    }

    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
