/**
 * Messages longer than one packet: splitting into fragments with the Nym chunking header format and
 * reassembly in any arrival order, bounded in memory and time.
 */
package nym.sphinx.fragment;
