package nym.cli;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Log lines as the seed shows them: {@code  2020-05-26T18:45:32.098 INFO  pemstore::pemstore > ...},
 * with the level as ERROR, WARN, INFO, DEBUG or TRACE, and a failure's message (never its stack
 * trace) appended.
 *
 * <p>The logger's name is padded to the longest name this formatter has written so far, as the
 * seed's logger (pretty_env_logger) did: the first line of a run is not padded, and a later line
 * lines up with the longest name before it ({@code nym_client::sockets::ws                 >}).
 * Thread-safe.
 */
public final class OneLineLogFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final AtomicInteger widestName = new AtomicInteger();

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        if (record.getThrown() != null) {
            message += ": " + record.getThrown();
        }
        return " " + TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())) + " "
                + String.format("%-5s", level(record.getLevel())) + " " + padded(record.getLoggerName()) + " > " + message
                + System.lineSeparator();
    }

    private String padded(String name) {
        String shown = String.valueOf(name);
        int width = widestName.accumulateAndGet(shown.length(), Math::max);
        return shown + " ".repeat(width - shown.length());
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
