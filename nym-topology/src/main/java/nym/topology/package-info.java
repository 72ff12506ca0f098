/**
 * The topology model: immutable records for mix nodes (by layer) and providers (with their
 * registered clients), the {@link nym.topology.Topology} snapshot that indexes them, and
 * {@link nym.topology.RouteSelector}, which picks one mix per layer and then a provider with
 * injected randomness. Bad input surfaces as the checked {@link nym.topology.TopologyException}.
 */
package nym.topology;
