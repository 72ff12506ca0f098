package nym.topology.directory;

import java.util.Objects;

/**
 * A metrics report as the directory keeps it: the latest report of one node and when it arrived.
 *
 * @param report the node's latest report, not null
 * @param timestampNanos when the directory received it, Unix time in nanoseconds
 */
public record MixMetricsEntry(MixMetricsReport report, long timestampNanos) {
    /**
     * @throws NullPointerException if {@code report} is null
     * @throws IllegalArgumentException if {@code timestampNanos} is negative
     */
    public MixMetricsEntry {
        Objects.requireNonNull(report, "report");
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("timestamp must not be negative, got " + timestampNanos);
        }
    }
}
