/**
 * A client's traffic: the Poisson streams in which real packets take the slots of cover packets,
 * loop cover to itself, and the bounded queue of packets waiting for a slot.
 */
package nym.traffic.client;
