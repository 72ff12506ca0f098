/**
 * The mix node engine ({@link nym.traffic.mixnode.MixNode}): unwrap, replay check, hold for the
 * sender's delay, forward; its configuration, counters and replay filters.
 */
package nym.traffic.mixnode;
