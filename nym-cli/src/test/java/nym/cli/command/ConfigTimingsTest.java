package nym.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import nym.cli.config.ConfigException;
import nym.cli.config.KeyRotationSection;
import nym.traffic.mixnode.KeyRotation;

class ConfigTimingsTest {
    @Test
    void theRotationSectionIsCheckedKeyByKey() throws ConfigException {
        KeyRotation rotation = ConfigTimings.check(KeyRotationSection.DEFAULT);
        assertEquals(new KeyRotation(1 << 20, Duration.ofDays(1), Duration.ofHours(1)), rotation);
        assertEquals("key_rotation.rotate_after_packets must be 1 to 4194304, got 0", assertThrows(ConfigException.class,
                () -> ConfigTimings.check(new KeyRotationSection(0, 1, 1))).getMessage());
        assertEquals("key_rotation.max_age_ms must be at least 1 ms, got 0", assertThrows(ConfigException.class,
                () -> ConfigTimings.check(new KeyRotationSection(1, 0, 1))).getMessage());
        assertEquals("key_rotation.grace_ms must not be negative, got -1", assertThrows(ConfigException.class,
                () -> ConfigTimings.check(new KeyRotationSection(1, 1, -1))).getMessage());
    }

    @Test
    void aGraceShorterThanClientsNeedToLearnOfANewKeyIsWarnedAbout() throws ConfigException {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ConfigTimings.class.getName());
        logger.addHandler(capture);
        try {
            ConfigTimings.warnIfGraceIsShort(ConfigTimings.check(KeyRotationSection.DEFAULT), Duration.ofSeconds(2));
            assertEquals(List.of(), warnings);
            ConfigTimings.warnIfGraceIsShort(ConfigTimings.check(new KeyRotationSection(1, 1000, 6000)),
                    Duration.ofSeconds(2));
            assertEquals(List.of("key_rotation.grace_ms is 6000 ms, under the 14000 ms it takes clients to learn of a"
                    + " new key: packets built just before a replacement will be dropped"), warnings);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
