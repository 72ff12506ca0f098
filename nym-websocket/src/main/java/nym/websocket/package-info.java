/**
 * The client's local APIs of the seed: the WebSocket ({@code send}, {@code fetch}, {@code getClients},
 * {@code ownDetails}; text JSON; loopback only) and the same requests over a length-prefixed TCP
 * socket, both served over a {@link nym.websocket.MixnetClientPort}.
 */
package nym.websocket;
