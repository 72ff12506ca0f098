/**
 * Single-use reply blocks: a {@link nym.sphinx.surb.Surb} lets someone who does not know the
 * creator's address send it one reply; the creator keeps the {@link nym.sphinx.surb.SurbDecryptionKeys}
 * that recover the reply.
 */
package nym.sphinx.surb;
