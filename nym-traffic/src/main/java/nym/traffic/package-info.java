/**
 * What moves packets over time and wire: framed TCP transport, Poisson streams, cover traffic,
 * the mix node engine and the client's send and receive pipeline. It holds no types yet.
 */
package nym.traffic;
