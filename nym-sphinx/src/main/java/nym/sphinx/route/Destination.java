package nym.sphinx.route;

import java.util.Objects;

/**
 * Who the last hop delivers to, and the identifier the recipient sees with the message.
 *
 * @param address the recipient; not null
 * @param surbId the identifier; all zeros for an ordinary message; not null
 */
public record Destination(DestinationAddress address, SurbId surbId) {
    /** Checks for nulls. */
    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(surbId, "surbId");
    }
}
