package nym.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.provider.store.InMemoryInboxStore;

/** A peer that trickles the handshake is closed at the deadline, whatever its bytes' pace. */
class HandshakeDeadlineTest {
    @Test
    void aHandshakeNotFinishedInTimeIsClosedAndCounted() throws Exception {
        ProviderMetrics metrics = new ProviderMetrics();
        ClientRequestHandler handler = new ClientRequestHandler(X25519KeyPair.generate(new SplittableRandom(3)).privateKey(),
                new InMemoryInboxStore(), metrics, 10, Duration.ofMillis(300));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket peer = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            Socket accepted = listener.accept();
            accepted.setSoTimeout(60_000); // the idle timeout alone would wait a minute per byte
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> handler.serve(accepted));
            peer.getOutputStream().write("nym-pro".getBytes()); // part of the label, then nothing
            peer.getOutputStream().flush();
            peer.setSoTimeout(20_000);
            assertEquals(-1, peer.getInputStream().read(), "closed without an answer");
            served.get(20, TimeUnit.SECONDS);
        }
        assertEquals(1, metrics.rejectedRequests());
    }
}
