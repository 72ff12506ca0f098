package nym.cli.command;

import nym.cli.config.ClientConfigFile;
import nym.cli.config.ConfigException;

/** Checks the {@code [debug]} timings of a config (a client's, a node's), naming the bad key. */
final class ConfigTimings {
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

    /** @return {@code value}, refused unless at least 1 ms */
    static long positive(String key, long value) throws ConfigException {
        if (value < 1) {
            throw new ConfigException(key + " must be at least 1 ms, got " + value);
        }
        return value;
    }
}
