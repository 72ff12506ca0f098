package nym.cli.command;

import java.time.Duration;

import nym.cli.config.ClientConfigFile;
import nym.cli.config.ConfigException;
import nym.cli.config.KeyRotationSection;
import nym.traffic.mixnode.KeyRotation;

/** Checks the {@code [debug]} timings of a config (a client's, a node's), naming the bad key. */
final class ConfigTimings {
    private static final System.Logger LOG = System.getLogger(ConfigTimings.class.getName());
    /** How often a client reads the topology by default ({@code debug.topology_refresh_rate}). */
    private static final Duration CLIENT_TOPOLOGY_READ = Duration.ofMillis(ClientConfigFile.Debug.DEFAULT.topologyRefreshRate());

    private ConfigTimings() {}

    static ClientConfigFile.Debug check(ClientConfigFile.Debug debug) throws ConfigException {
        positive("debug.message_sending_average_delay", debug.messageSendingAverageDelay());
        positive("debug.loop_cover_traffic_average_delay", debug.loopCoverTrafficAverageDelay());
        positive("debug.fetch_message_delay", debug.fetchMessageDelay());
        positive("debug.topology_refresh_rate", debug.topologyRefreshRate());
        if (debug.averagePacketDelay() < 0) {
            throw new ConfigException("debug.average_packet_delay must not be negative, got " + debug.averagePacketDelay());
        }
        return debug;
    }

    /** @return the rotation the section asks for, or a one-line error naming the bad key */
    static KeyRotation check(KeyRotationSection section) throws ConfigException {
        long packets = section.rotateAfterPackets();
        if (packets < 1 || packets > KeyRotationSection.MAX_PACKETS) {
            throw new ConfigException("key_rotation.rotate_after_packets must be 1 to "
                    + KeyRotationSection.MAX_PACKETS + ", got " + packets);
        }
        long maxAge = positive("key_rotation.max_age_ms", section.maxAgeMs());
        if (section.graceMs() < 0) {
            throw new ConfigException("key_rotation.grace_ms must not be negative, got " + section.graceMs());
        }
        return new KeyRotation(packets, Duration.ofMillis(maxAge), Duration.ofMillis(section.graceMs()));
    }

    /**
     * Logs one WARNING when the grace is shorter than it takes clients to learn of a new key: the
     * node's next presence report, and a client's next topology read (10 s by default).
     */
    static void warnIfGraceIsShort(KeyRotation rotation, Duration presenceInterval) {
        Duration needed = presenceInterval.multipliedBy(2).plus(CLIENT_TOPOLOGY_READ);
        if (rotation.grace().compareTo(needed) < 0) {
            LOG.log(System.Logger.Level.WARNING, "key_rotation.grace_ms is " + rotation.grace().toMillis()
                    + " ms, under the " + needed.toMillis() + " ms it takes clients to learn of a new key: packets"
                    + " built just before a replacement will be dropped");
        }
    }

    /** @return {@code value}, refused unless at least 1 ms */
    static long positive(String key, long value) throws ConfigException {
        if (value < 1) {
            throw new ConfigException(key + " must be at least 1 ms, got " + value);
        }
        return value;
    }
}
