/**
 * Header construction in stages (keys per hop → filler → final block → forward blocks with MACs)
 * and the per-hop routing keys. Not exported: {@link nym.sphinx.PacketBuilder},
 * {@link nym.sphinx.PacketProcessor} and {@link nym.sphinx.surb.SurbBuilder} are the public entries.
 */
package nym.sphinx.internal.header;
