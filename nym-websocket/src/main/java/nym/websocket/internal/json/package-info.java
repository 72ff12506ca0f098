/**
 * The seed's WebSocket API messages as records, in its exact JSON shape: requests
 * ({@code send}, {@code fetch}, {@code getClients}, {@code ownDetails}) and responses (the same
 * four and {@code error}). Not exported; opened to Jackson only, which writes the responses.
 */
package nym.websocket.internal.json;
