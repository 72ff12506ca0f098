/**
 * The framed TCP transport of Sphinx packets between nodes: {@link nym.traffic.transport.PacketFrames}
 * (the frame layout), {@link nym.traffic.transport.PacketListener} (accept and read),
 * {@link nym.traffic.transport.PacketSender} (persistent, bounded, reconnecting connections), and the
 * mapping between socket addresses and Sphinx node addresses.
 */
package nym.traffic.transport;
