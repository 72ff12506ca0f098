/**
 * How the local APIs work inside: one {@link nym.websocket.internal.RequestHandler} that both the
 * WebSocket and the TCP server call (parse, dispatch to the client, write the response), the
 * Java-WebSocket server with its message-size-limited draft, the TCP frame codec, the loopback
 * check and the per-connection request queue. Not exported.
 */
package nym.websocket.internal;
