package nym.traffic.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;

/** The frame decoder on in-memory streams: exact, several, partial, oversized, wrong version. */
class PacketFramesTest {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;

    static SphinxPacket randomPacket(long seed) throws Exception {
        byte[] bytes = new byte[GEOMETRY.packetLength()];
        new SplittableRandom(seed).nextBytes(bytes);
        return SphinxPacket.fromBytes(bytes);
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void framesRoundTripBackToBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SphinxPacket first = randomPacket(1);
        SphinxPacket second = randomPacket(2);
        PacketFrames.write(out, first);
        PacketFrames.write(out, second);
        byte[] wire = out.toByteArray();
        assertEquals(2 * (PacketFrames.HEADER_LENGTH + GEOMETRY.packetLength()), wire.length);

        DataInputStream in = stream(wire);
        assertArrayEquals(first.toBytes(), PacketFrames.read(in, GEOMETRY).toBytes());
        assertArrayEquals(second.toBytes(), PacketFrames.read(in, GEOMETRY).toBytes());
        assertNull(PacketFrames.read(in, GEOMETRY), "clean end of stream between frames");
    }

    @Test
    void aFrameCutShortIsTruncatedAtEveryLength() throws Exception {
        byte[] frame = PacketFrames.encode(randomPacket(3));
        for (int length = 1; length < frame.length; length += 97) {
            byte[] partial = Arrays.copyOf(frame, length);
            TransportException cut = assertThrows(TransportException.class,
                    () -> PacketFrames.read(stream(partial), GEOMETRY));
            assertEquals(TransportException.Reason.TRUNCATED_FRAME, cut.reason(), "cut at " + length);
        }
    }

    @Test
    void aWrongLengthFieldIsRefusedBeforeReadingTheBody() throws Exception {
        byte[] frame = PacketFrames.encode(randomPacket(4));
        frame[1] = (byte) 0xFF;
        frame[2] = (byte) 0xFF;
        TransportException e = assertThrows(TransportException.class, () -> PacketFrames.read(stream(frame), GEOMETRY));
        assertEquals(TransportException.Reason.BAD_FRAME_LENGTH, e.reason());
    }

    @Test
    void anUnknownFrameVersionIsRefused() throws Exception {
        byte[] frame = PacketFrames.encode(randomPacket(5));
        frame[0] = 2;
        TransportException e = assertThrows(TransportException.class, () -> PacketFrames.read(stream(frame), GEOMETRY));
        assertEquals(TransportException.Reason.UNKNOWN_FRAME_VERSION, e.reason());
    }
}
