package nym.provider.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.provider.ProviderException;

/** The client-provider channel over in-memory pipes: both ways, nothing in the clear, nothing replayed. */
class SecureChannelTest {
    private static final byte[] SECRET = "token-0123456789-token-0123456789".getBytes();
    private static final int PIPE = 1 << 20;

    private final SecureRandom random = new SecureRandom();
    private final X25519KeyPair provider = X25519KeyPair.generate(random);

    /** Both ends of a connection; what the client wrote is also recorded, as an observer on the path sees it. */
    private final class Connection {
        final PipedInputStream toProvider = new PipedInputStream(PIPE);
        final PipedInputStream toClient = new PipedInputStream(PIPE);
        final ByteArrayOutputStream onTheWire = new ByteArrayOutputStream();
        final SecureChannel client;
        final SecureChannel server;
        final DataOutputStream clientOut;

        Connection(X25519KeyPair expected) throws Exception {
            PipedOutputStream clientWrites = new PipedOutputStream(toProvider);
            PipedOutputStream serverWrites = new PipedOutputStream(toClient);
            clientOut = new DataOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    onTheWire.write(b);
                    clientWrites.write(b);
                }
            });
            CompletableFuture<SecureChannel> serverSide = CompletableFuture.supplyAsync(() -> {
                try {
                    return SecureChannel.provider(new DataInputStream(toProvider), new DataOutputStream(serverWrites),
                            provider, random);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client = SecureChannel.client(new DataInputStream(toClient), clientOut, expected.publicKey(), random);
            server = serverSide.get(10, TimeUnit.SECONDS);
        }

        /** @return the sealed frame as it crossed the path */
        byte[] sendRecorded(int type, byte[] body) throws IOException {
            int start = onTheWire.size();
            client.write(type, body);
            return java.util.Arrays.copyOfRange(onTheWire.toByteArray(), start, onTheWire.size());
        }
    }

    @Test
    void framesGoBothWaysAndNoneIsReadableOnThePath() throws Exception {
        Connection connection = new Connection(provider);
        connection.client.write(ClientProtocol.PULL, SECRET);
        ClientFrames.Frame request = connection.server.read(ClientFrames.MAX_REQUEST_LENGTH);
        assertEquals(ClientProtocol.PULL, request.type());
        assertArrayEquals(SECRET, request.body());
        connection.server.write(ClientProtocol.MESSAGES, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, connection.client.read(ClientFrames.MAX_RESPONSE_LENGTH).body());
        assertFalse(contains(connection.onTheWire.toByteArray(), SECRET), "the token crossed the path in the clear");
    }

    @Test
    void aFrameSentAgainOnTheSameConnectionDoesNotOpen() throws Exception {
        Connection connection = new Connection(provider);
        byte[] sealed = connection.sendRecorded(ClientProtocol.PULL, SECRET);
        ClientFrames.Frame first = connection.server.read(ClientFrames.MAX_REQUEST_LENGTH);
        assertArrayEquals(SECRET, first.body());
        // The same sealed frame again: a replay on the same connection.
        connection.clientOut.write(sealed);
        ProviderException replayed = assertThrows(ProviderException.class,
                () -> connection.server.read(ClientFrames.MAX_REQUEST_LENGTH));
        assertTrue(replayed.getMessage().contains("did not authenticate"), replayed.getMessage());
    }

    @Test
    void aFrameRecordedOnAnotherConnectionDoesNotOpen() throws Exception {
        byte[] frame = new Connection(provider).sendRecorded(ClientProtocol.PULL, SECRET);

        Connection later = new Connection(provider); // fresh ephemeral keys on both sides
        later.clientOut.write(frame);
        ProviderException e = assertThrows(ProviderException.class, () -> later.server.read(ClientFrames.MAX_REQUEST_LENGTH));
        assertTrue(e.getMessage().contains("did not authenticate"), e.getMessage());
    }

    @Test
    void aProviderWithAnotherKeyCannotAnswer() {
        X25519KeyPair expected = X25519KeyPair.generate(random);
        ProviderException e = assertThrows(ProviderException.class, () -> new Connection(expected));
        assertEquals(ProviderException.Reason.UNAUTHORIZED, e.reason());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
