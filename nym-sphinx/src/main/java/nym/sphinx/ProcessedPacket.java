package nym.sphinx;

import java.util.Objects;

import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * What one hop makes of a packet: forward it, or deliver it. Both carry the packet's
 * {@link ReplayTag}, which the caller checks against its replay store before acting.
 */
public sealed interface ProcessedPacket {
    /** @return the tag that identifies this packet at this node */
    ReplayTag replayTag();

    /**
     * Send {@code next} to {@code nextHop} after holding it for {@code delay}.
     *
     * @param next the re-blinded, re-encrypted packet; not null
     * @param nextHop where to send it; not null
     * @param delay how long to hold it, as the sender chose; not null
     * @param replayTag the input packet's tag; not null
     */
    record ForwardHop(SphinxPacket next, NodeAddress nextHop, Delay delay, ReplayTag replayTag)
            implements ProcessedPacket {
        /** Checks for nulls. */
        public ForwardHop {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(nextHop, "nextHop");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(replayTag, "replayTag");
        }
    }

    /**
     * Deliver {@code payload} to {@code destination}.
     *
     * @param destination the recipient; not null
     * @param surbId the identifier the sender wrote (all zeros for an ordinary message); not null
     * @param payload the payload with this hop's layer removed; not null
     * @param replayTag the input packet's tag; not null
     */
    record FinalHop(DestinationAddress destination, SurbId surbId, PacketPayload payload, ReplayTag replayTag)
            implements ProcessedPacket {
        /** Checks for nulls. */
        public FinalHop {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(surbId, "surbId");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(replayTag, "replayTag");
        }
    }
}
