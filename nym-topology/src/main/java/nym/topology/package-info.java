/**
 * The topology model: mix nodes by layer, providers and their registered clients, and route
 * selection. The directory's HTTP API (server and client) joins it under {@code nym.topology.directory}.
 * Work for this package is tracked by the network issue; it holds no types yet.
 */
package nym.topology;
