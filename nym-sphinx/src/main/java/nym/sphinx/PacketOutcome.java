package nym.sphinx;

import java.util.Objects;

/** What {@link PacketProcessor#processAll} made of one packet of a batch: a layer removed, or a refusal. */
public sealed interface PacketOutcome {
    /** The packet was for this node; {@code packet} is what remains of it. */
    record Processed(ProcessedPacket packet) implements PacketOutcome {
        public Processed {
            Objects.requireNonNull(packet, "packet");
        }
    }

    /**
     * The packet was refused for the reason {@code error} gives, the exception
     * {@link PacketProcessor#process} would throw for it.
     */
    record Refused(SphinxException error) implements PacketOutcome {
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }
}
