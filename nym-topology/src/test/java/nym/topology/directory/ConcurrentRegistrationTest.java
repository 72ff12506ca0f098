package nym.topology.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nym.topology.Layer;
import nym.topology.MixNodeInfo;
import nym.topology.TestNodes;
import nym.topology.Topology;
import org.junit.jupiter.api.Test;

class ConcurrentRegistrationTest {
    private static final int THREADS = 8;
    private static final int POSTS_PER_THREAD = 50;

    @Test
    void concurrentRegistrationsAreAllKept() throws Exception {
        FakeClock clock = new FakeClock();
        try (DirectoryServer server = DirectoryServer.start(DirectoryServerTest.LOOPBACK_ANY_PORT,
                DirectoryConfig.defaults(), clock);
                DirectoryClient client = DirectoryClient.create(server.uri())) {
            List<Future<List<MixNodeInfo>>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(threads.submit(() -> registerMany(client, thread)));
                }
            }
            var expected = new HashSet<MixNodeInfo>();
            for (Future<List<MixNodeInfo>> result : results) {
                expected.addAll(result.get());
            }
            Topology topology = client.fetchTopology();
            assertEquals(THREADS * POSTS_PER_THREAD, topology.mixNodes().size());
            assertEquals(expected, new HashSet<>(topology.mixNodes().stream()
                    .map(node -> node.withLastSeenNanos(0)).toList()));
        }
    }

    private static List<MixNodeInfo> registerMany(DirectoryClient client, int thread) throws IOException {
        List<MixNodeInfo> sent = new ArrayList<>();
        for (int i = 0; i < POSTS_PER_THREAD; i++) {
            int n = thread * POSTS_PER_THREAD + i;
            MixNodeInfo node = TestNodes.mix(Layer.FIRST + n % Layer.COUNT, n);
            try {
                client.registerMixNode(node);
            } catch (Exception e) {
                throw new IOException("registration " + n + " failed", e);
            }
            sent.add(node);
        }
        return sent;
    }
}
