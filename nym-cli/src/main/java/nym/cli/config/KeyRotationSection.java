package nym.cli.config;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code [key_rotation]} section of a mix node's or a provider's {@code config.toml}: when the
 * node replaces its Sphinx key.
 *
 * @param rotateAfterPackets packets unwrapped with one key before it is replaced
 * @param maxAgeMs the oldest a key may be
 * @param graceMs how long a replaced key is still accepted
 */
public record KeyRotationSection(
        @JsonProperty("rotate_after_packets") long rotateAfterPackets,
        @JsonProperty("max_age_ms") long maxAgeMs,
        @JsonProperty("grace_ms") long graceMs) {
    /** The most {@code rotate_after_packets} may be: each key's tag tables then take 256 MiB. */
    public static final long MAX_PACKETS = 1 << 22;
    /** 1,048,576 packets, a day, an hour. */
    public static final KeyRotationSection DEFAULT = new KeyRotationSection(1 << 20, 86_400_000, 3_600_000);

    private static final Map<String, String> COMMENTS = Map.of(
            "key_rotation", "##### Sphinx key rotation #####\n# The node remembers every packet it unwrapped with a"
                    + " Sphinx key for as long as it accepts that key\n# (a replay is dropped), so it replaces the"
                    + " key before that memory grows too large.",
            "key_rotation.rotate_after_packets", "# replace the key after unwrapping this many packets with it (1 to"
                    + " 4194304);\n# each key's replay tags take 64 bytes of memory per packet of this number (and up"
                    + " to 32 on disk)",
            "key_rotation.max_age_ms", "# replace the key when it is this old, whatever the packets",
            "key_rotation.grace_ms", "# how long a replaced key is still accepted: packets built from an older"
                    + " topology,\n# or held at earlier hops, arrive for it");

    /** @return {@code comments} and this section's */
    static Map<String, String> withComments(Map<String, String> comments) {
        Map<String, String> all = new HashMap<>(comments);
        all.putAll(COMMENTS);
        return Map.copyOf(all);
    }
}
