package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.topology.directory.DirectoryClient;
import nym.traffic.Await;

/**
 * A mix node wired as {@code nym-mixnode run} wires it, with a directory that takes the topology
 * request and never answers: the node listens while that request still hangs.
 */
class MixNodeSlowDirectoryTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private record Started(TopologyNextHops nextHops, MixNode node) {}

    @Test
    void listensWhileTheDirectoryHasNotAnsweredTheFirstTopologyRead() throws Exception {
        X25519KeyPair key = X25519KeyPair.generate(new SplittableRandom(31));
        List<Socket> requests = new CopyOnWriteArrayList<>();
        AtomicInteger readsEnded = new AtomicInteger();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (ServerSocket directory = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                DirectoryClient client = DirectoryClient.create(
                        URI.create("http://127.0.0.1:" + directory.getLocalPort()), Duration.ofHours(1))) {
            threads.submit(() -> acceptAndNeverAnswer(directory, requests));
            TopologyNextHops.Source source = () -> {
                try {
                    return client.fetchTopology();
                } finally {
                    readsEnded.incrementAndGet();
                }
            };
            // On another thread: a start that waited for the directory would not return within the test.
            Future<Started> starting = threads.submit(() -> {
                TopologyNextHops nextHops = TopologyNextHops.start(1, source, Duration.ofHours(1), Duration.ofMillis(500));
                return new Started(nextHops, MixNode.start(MixNodeConfig.defaults(ANY_PORT).withNextHops(nextHops),
                        key.privateKey(), new InMemoryReplayFilter(100)));
            });
            try {
                Await.until("the directory to get the topology request", DEADLINE, () -> !requests.isEmpty());
                Await.until("the node to start while the request hangs", DEADLINE, starting::isDone);
                try (Socket packets = new Socket()) {
                    packets.connect(starting.get().node().localAddress(), (int) DEADLINE.toMillis());
                }
                assertEquals(0, readsEnded.get(), "the directory has not answered, so no read has ended");
            } finally {
                stop(starting);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Closes what started, or interrupts a start still waiting for the directory: the directory
     * client's close waits for requests in flight, so the read must end first.
     */
    private static void stop(Future<Started> starting) throws Exception {
        if (!starting.isDone()) {
            starting.cancel(true);
            return;
        }
        Started started = starting.get();
        started.node().close();
        started.nextHops().close(); // interrupts the read in flight
    }

    /** Takes connections and reads nothing from them and writes nothing to them. */
    private static Void acceptAndNeverAnswer(ServerSocket directory, List<Socket> requests) throws Exception {
        while (true) {
            requests.add(directory.accept());
        }
    }
}
