/**
 * The Sphinx packet: its geometry, creation ({@link nym.sphinx.PacketBuilder}), processing at a node
 * ({@link nym.sphinx.PacketProcessor}) into a sealed {@link nym.sphinx.ProcessedPacket}, replay tags,
 * and the module's checked exception for bad input, {@link nym.sphinx.SphinxException}.
 */
package nym.sphinx;
