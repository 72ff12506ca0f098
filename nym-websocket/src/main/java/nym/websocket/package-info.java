/**
 * The seed's local WebSocket API (text JSON, loopback only) over an interface of the client.
 * It holds no types yet.
 */
package nym.websocket;
