package nym.traffic.mixnode;

import java.io.IOException;
import java.time.Instant;

/**
 * Where a rotating mix node's keys live: it makes the next key durably before the node announces
 * it, and forgets a retired key with its tags. A node calls it from one thread at a time.
 */
public interface SphinxKeyStore {
    /** A store for a node that never rotates: both methods throw. */
    SphinxKeyStore NONE = new SphinxKeyStore() {
        @Override
        public SphinxKey rotate(SphinxKey current, Instant currentRetiresAt) throws IOException {
            throw new IOException("this node does not rotate its key");
        }

        @Override
        public void retire(SphinxKey previous) throws IOException {
            throw new IOException("this node does not rotate its key");
        }
    };

    /**
     * Makes a new key with an empty filter and stores it as the current one, keeping {@code current}
     * and its tags as the previous key until {@code currentRetiresAt}, so that a restart finds both.
     *
     * @return the new key, whose {@link SphinxKey#madeAt()} is now
     * @throws IOException if the new key could not be stored; {@code current} stays the current key
     */
    SphinxKey rotate(SphinxKey current, Instant currentRetiresAt) throws IOException;

    /**
     * Forgets a key that is no longer accepted: its private key and its tags. The node no longer
     * records tags in its filter when this is called.
     *
     * @throws IOException if its files could not all be deleted
     */
    void retire(SphinxKey previous) throws IOException;
}
