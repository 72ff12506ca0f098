/**
 * The values a route is made of: node and destination addresses, reply identifiers, hops (address
 * and public key), destinations and per-hop delays with their fixed encodings.
 */
package nym.sphinx.route;
