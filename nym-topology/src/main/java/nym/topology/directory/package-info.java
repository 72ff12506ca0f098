/**
 * The directory: where nodes announce themselves and clients learn the topology. The
 * {@link nym.topology.directory.DirectoryServer} serves the seed's JSON over HTTP from a
 * {@link nym.topology.directory.PresenceRegistry}; the {@link nym.topology.directory.DirectoryClient}
 * is what nodes and clients call. The HTTP API is specified in {@code docs/directory.md}.
 */
package nym.topology.directory;
