package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.keys.X25519KeyPair;
import nym.provider.ProviderConfig;
import nym.provider.ProviderServer;
import nym.provider.client.AuthToken;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.ProviderClient;
import nym.provider.store.InMemoryInboxStore;
import nym.provider.store.InboxStore;
import nym.provider.store.Inboxes;
import nym.sphinx.route.DestinationAddress;
import nym.topology.ProviderInfo;
import nym.topology.directory.DirectoryClient;
import nym.topology.directory.DirectoryConfig;
import nym.topology.directory.DirectoryServer;
import nym.traffic.client.ClientTrafficConfig;
import nym.traffic.transport.NodeAddresses;

/**
 * A storage failure in the middle of a pulled batch loses nothing and leaves nothing waiting for the
 * next start: the provider deletes only payloads the client has stored, and the same running client
 * hands every payload of the batch to reassembly at a later pull. A real provider on loopback (port
 * 0) serves the pulls; the client's store is a real SQLite file with one failing call.
 */
class PullAfterStorageFailureTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration SLOW = Duration.ofHours(1);
    private static final Duration PULL_INTERVAL = Duration.ofMillis(20);
    private static final byte[] FIRST = "first".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LONG = "three fragments long ".repeat(120).getBytes(StandardCharsets.UTF_8);
    private static final byte[] LAST = "last".getBytes(StandardCharsets.UTF_8);

    private final SplittableRandom random = new SplittableRandom(71);
    private final X25519KeyPair providerKeys = X25519KeyPair.generate(random);
    private final X25519KeyPair alice = X25519KeyPair.generate(random);
    private final DestinationAddress aliceAddress = ProviderClient.address(alice.publicKey());
    private final InMemoryInboxStore inboxes = new InMemoryInboxStore();
    /** Notified after every call of the client's store and every acknowledgement the provider takes. */
    private final Object progress = new Object();
    private final List<Long> acknowledgedUnstored = new CopyOnWriteArrayList<>();
    private FailingClientStore failing;
    private AuthToken token;
    private ProviderServer provider;
    private DirectoryServer directory;

    @BeforeEach
    void network() throws Exception {
        InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        provider = ProviderServer.start(new ProviderConfig(anyPort, anyPort, TestPayloads.GEOMETRY, 1, 100, 1_000, 10),
                providerKeys.privateKey(), watchAcknowledgements(inboxes));
        directory = DirectoryServer.start(anyPort, DirectoryConfig.defaults().withTtl(Duration.ofHours(1)));
        directory.registry().registerProvider(new ProviderInfo(NodeAddresses.formatHost(provider.mixAddress()),
                NodeAddresses.formatHost(provider.clientAddress()), providerKeys.publicKey(),
                List.of(alice.publicKey().toBase58()), 0, ""));
        token = inboxes.register(aliceAddress, AuthToken.fromBytes(new byte[AuthToken.LENGTH]));
        List<byte[]> payloads = new ArrayList<>(TestPayloads.fragments(FIRST, 72));
        List<byte[]> longOne = TestPayloads.fragments(LONG, 73);
        assertEquals(3, longOne.size(), "the second message is three payloads");
        payloads.addAll(longOne);
        payloads.addAll(TestPayloads.fragments(LAST, 74));
        for (byte[] payload : payloads) {
            inboxes.store(aliceAddress, payload);
        }
    }

    @AfterEach
    void stop() {
        provider.close();
        directory.close();
    }

    /** @return the provider's store, noting every acknowledged id the client had not stored */
    private InboxStore watchAcknowledgements(InboxStore store) {
        return (InboxStore) Proxy.newProxyInstance(InboxStore.class.getClassLoader(), new Class<?>[] {InboxStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("acknowledge")) {
                        for (Object id : (Collection<?>) args[1]) {
                            if (!failing.stored((Long) id)) {
                                acknowledgedUnstored.add((Long) id);
                            }
                        }
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        signal();
                    }
                });
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** A message completed from its stored payloads cannot be stored: it and the rest of the batch come later. */
    @Test
    void aMessageThatCouldNotBeStoredIsCompletedAtALaterPull(@TempDir Path dir) throws Exception {
        pullsDeliverEverything(dir, "completeMessage", 2); // the second message: its set was reassembled
    }

    /** A payload that cannot be stored stays at the provider with the rest; those stored before it are handled. */
    @Test
    void aPayloadThatCouldNotBeStoredStaysAtTheProviderUntilALaterPull(@TempDir Path dir) throws Exception {
        pullsDeliverEverything(dir, "storePayload", 3); // the second payload of the second message
    }

    private void pullsDeliverEverything(Path dir, String failingMethod, int failingCall) throws Exception {
        ClientMessageStore store = Inboxes.openClientStore(dir.resolve("received.db"));
        failing = FailingClientStore.wrap(store, failingMethod, failingCall, this::signal);
        try (MixnetClient client = new MixnetClient(alice, providerKeys.publicKey().toBase58(), token,
                DirectoryClient.create(directory.uri()), failing.proxy(),
                new ClientTrafficConfig(SLOW, SLOW, Duration.ofMillis(10), 10, TestPayloads.GEOMETRY), PULL_INTERVAL,
                SLOW)) {
            awaitUntil(() -> store.messageCount() == 3 && inboxes.count(aliceAddress) == 0, () -> store.messageCount()
                    + " message(s) and " + store.payloads().size() + " payload(s) stored, "
                    + inboxes.count(aliceAddress) + " left at the provider");

            assertTrue(failing.failed(), "the store failed once on the way");
            List<String> messages = store.peekMessages(10, Long.MAX_VALUE, Set.of()).stream()
                    .map(message -> new String(message.body(), StandardCharsets.UTF_8)).toList();
            assertEquals(List.of(new String(FIRST, StandardCharsets.UTF_8), new String(LONG, StandardCharsets.UTF_8),
                    new String(LAST, StandardCharsets.UTF_8)), messages, "every message, without a restart");
            assertEquals(List.of(), store.payloads(), "every payload was used up");
            assertEquals(List.of(), acknowledgedUnstored, "the provider deleted only what the client had stored");
        }
    }

    /** A look at the stores. */
    @FunctionalInterface
    private interface Look<T> {
        T get() throws Exception;
    }

    /** Waits, woken by each call of either store, until {@code done} holds; fails at the deadline saying {@code state}. */
    private void awaitUntil(Look<Boolean> done, Look<String> state) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        synchronized (progress) {
            while (!done.get()) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "after " + DEADLINE + ", " + state.get());
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }
}
