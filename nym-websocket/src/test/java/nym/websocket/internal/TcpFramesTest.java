package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TcpFramesTest {
    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTripsFramesBackToBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TcpFrames.write(out, "{\"type\":\"fetch\"}".getBytes());
        TcpFrames.write(out, new byte[0]);
        DataInputStream in = stream(out.toByteArray());
        assertArrayEquals("{\"type\":\"fetch\"}".getBytes(),
                assertInstanceOf(TcpFrames.Read.Frame.class, TcpFrames.read(in, 100)).body());
        assertEquals(0, assertInstanceOf(TcpFrames.Read.Frame.class, TcpFrames.read(in, 100)).body().length);
        assertInstanceOf(TcpFrames.Read.End.class, TcpFrames.read(in, 100));
    }

    @Test
    void writesTheLengthBigEndian() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TcpFrames.write(out, new byte[258]);
        assertArrayEquals(new byte[] {0, 0, 1, 2}, Arrays.copyOf(out.toByteArray(), 4));
    }

    @Test
    void acceptsExactlyTheCap() throws IOException {
        assertEquals(5, assertInstanceOf(TcpFrames.Read.Frame.class,
                TcpFrames.read(stream(new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 5}), 5)).body().length);
    }

    @Test
    void reportsALengthOverTheCapWithoutReadingTheBody() throws IOException {
        DataInputStream in = stream(new byte[] {0, 0, 0, 6, 1, 2, 3, 4, 5, 6});
        assertEquals(6, assertInstanceOf(TcpFrames.Read.TooLong.class, TcpFrames.read(in, 5)).length());
        assertEquals(6, in.available(), "the body is left unread");
    }

    @Test
    void readsTheLengthAsUnsigned() throws IOException {
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertEquals(0xffff_ffffL, assertInstanceOf(TcpFrames.Read.TooLong.class,
                TcpFrames.read(stream(huge), Integer.MAX_VALUE)).length());
    }

    @Test
    void refusesAStreamThatEndsInsideAFrame() {
        assertThrows(EOFException.class, () -> TcpFrames.read(stream(new byte[] {0, 0}), 100));
        assertThrows(EOFException.class, () -> TcpFrames.read(stream(new byte[] {0, 0, 0, 3, 1}), 100));
    }
}
