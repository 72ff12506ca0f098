/** Poisson streams and exponential per-hop delays, with injected randomness. */
package nym.traffic.poisson;
