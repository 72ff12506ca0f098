package nym.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.provider.internal.protocol.SecureChannel;
import nym.provider.store.InMemoryInboxStore;

/** A peer that trickles the handshake, or a frame, is closed at the deadline, whatever its bytes' pace. */
class ConnectionDeadlineTest {
    private static final Duration LIMIT = Duration.ofMillis(300);

    private final X25519KeyPair provider = X25519KeyPair.generate(new SplittableRandom(3));
    private final ProviderMetrics metrics = new ProviderMetrics();
    private final ClientRequestHandler handler = new ClientRequestHandler(provider.privateKey(),
            new InMemoryInboxStore(), metrics, 10, LIMIT);

    @Test
    void aHandshakeNotFinishedInTimeIsClosedAndCounted() throws Exception {
        serve(peer -> {
            peer.getOutputStream().write("nym-pro".getBytes()); // part of the label, then nothing
            peer.getOutputStream().flush();
        });
        assertEquals(1, metrics.rejectedRequests());
    }

    @Test
    void aFrameBegunAndNotFinishedInTimeIsClosedAndCounted() throws Exception {
        serve(peer -> {
            SecureChannel.client(new DataInputStream(peer.getInputStream()), new DataOutputStream(peer.getOutputStream()),
                    provider.publicKey(), new SecureRandom()); // the handshake, in time
            OutputStream raw = peer.getOutputStream();
            raw.write(new byte[] {0, 0}); // half a frame's length, then nothing
            raw.flush();
        });
        assertEquals(1, metrics.rejectedRequests());
    }

    @FunctionalInterface
    private interface PeerAction {
        void run(Socket peer) throws Exception;
    }

    /** Serves one connection whose peer does {@code action}, then waits for the provider to close it. */
    private void serve(PeerAction action) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket peer = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            Socket accepted = listener.accept();
            accepted.setSoTimeout(60_000); // the idle timeout alone would wait a minute per byte
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> handler.serve(accepted));
            action.run(peer);
            peer.setSoTimeout(20_000);
            assertEquals(-1, peer.getInputStream().read(), "closed without an answer");
            served.get(20, TimeUnit.SECONDS);
        }
    }
}
