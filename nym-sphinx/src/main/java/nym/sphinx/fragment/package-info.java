/**
 * Messages longer than one packet: splitting into fragments with the Nym chunking header format
 * (1-byte unfragmented, 7-byte unlinked and 10-byte linked headers; sets of up to 255 fragments,
 * linked into chains for longer messages) and reassembly in any arrival order, bounded in memory
 * and time.
 *
 * <p>{@link nym.sphinx.fragment.MessageSplitter} turns a message into
 * {@link nym.sphinx.fragment.Fragment}s that each fit one packet of a
 * {@link nym.sphinx.SphinxGeometry}; {@link nym.sphinx.fragment.MessageReassembler} puts them back
 * together. Bad fragment bytes end in a checked {@link nym.sphinx.fragment.FragmentException} with a
 * reason, never in an unchecked exception. The byte layout, limits and bounds are in
 * {@code docs/fragments.md}.
 */
package nym.sphinx.fragment;
