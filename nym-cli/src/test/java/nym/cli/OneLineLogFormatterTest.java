package nym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class OneLineLogFormatterTest {
    /** The formatted line without its leading space, its time (in the machine's zone) and its line end. */
    private static String line(OneLineLogFormatter formatter, Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(Instant.parse("2020-05-26T18:45:32.098Z"));
        String formatted = formatter.format(record);
        assertTrue(formatted.matches(" \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*\\R"), formatted);
        return formatted.substring(formatted.indexOf(' ', 1) + 1, formatted.length() - System.lineSeparator().length());
    }

    @Test
    void theSeedsLinesWhenTheyComeFirst() {
        OneLineLogFormatter formatter = new OneLineLogFormatter();
        assertEquals("INFO  pemstore::pemstore > Written private key to \"x\"",
                line(formatter, Level.INFO, "pemstore::pemstore", "Written private key to \"x\""));
        assertEquals("INFO  pemstore::pemstore > Written public key to \"y\"",
                line(formatter, Level.INFO, "pemstore::pemstore", "Written public key to \"y\""));
    }

    @Test
    void aNameIsPaddedToTheLongestWrittenBeforeIt() {
        OneLineLogFormatter formatter = new OneLineLogFormatter();
        String longName = "x".repeat(39); // the seed's line below was padded to 39 characters
        line(formatter, Level.INFO, "short", "first");
        line(formatter, Level.WARNING, longName, "wide");
        assertEquals("INFO  nym_client::sockets::ws                 > Starting websocket listener at 127.0.0.1:9001",
                line(formatter, Level.INFO, "nym_client::sockets::ws", "Starting websocket listener at 127.0.0.1:9001"));
        assertEquals("ERROR short" + " ".repeat(34) + " > failed",
                line(formatter, Level.SEVERE, "short", "failed"));
    }

    @Test
    void levelsAreTheSeedsWords() {
        OneLineLogFormatter formatter = new OneLineLogFormatter();
        assertEquals("DEBUG a > m", line(formatter, Level.FINE, "a", "m"));
        assertEquals("TRACE a > m", line(formatter, Level.FINEST, "a", "m"));
        assertEquals("WARN  a > m", line(formatter, Level.WARNING, "a", "m"));
    }
}
