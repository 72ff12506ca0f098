package nym.cli.wiring;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import nym.crypto.SecretAccess;
import nym.crypto.primitives.Sha256;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.ProviderException;
import nym.provider.client.AuthToken;
import nym.provider.client.ClientMessageStore;
import nym.provider.client.ProviderClient;
import nym.provider.client.ReceivedMessage;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.MessageSplitter;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.surb.Surb;
import nym.sphinx.surb.SurbBuilder;
import nym.topology.Layer;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.directory.DirectoryClient;
import nym.traffic.client.ClientPipeline;
import nym.traffic.client.ClientTrafficConfig;
import nym.traffic.client.OutboundMessage;
import nym.traffic.client.OutboundReply;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketSender;
import nym.traffic.transport.TransportException;
import nym.websocket.ClientPortException;
import nym.websocket.Fetched;
import nym.websocket.MixnetClientPort;

/**
 * The running client of the seed: reads the topology, sends in Poisson streams with cover traffic,
 * pulls from its provider, keeps what arrived durably until an application fetches it, and serves
 * the local APIs through {@link MixnetClientPort}.
 */
public final class MixnetClient implements MixnetClientPort, AutoCloseable {
    /** The longest message {@code send} accepts: 1 MiB of UTF-8. */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** The most messages, and message bytes, one fetch returns (so a reply stays a few MiB). */
    private static final int FETCH_BATCH = 100;
    private static final long FETCH_BATCH_BYTES = 2L << 20;
    private static final System.Logger LOG = System.getLogger(MixnetClient.class.getName());

    private final X25519KeyPair keys;
    private final DestinationAddress self;
    private final String providerKey;
    private final AuthToken token;
    private final DirectoryClient directory;
    private final ClientMessageStore store;
    private final ReceivedPayloads received;
    private final ProviderPulls pulls;
    private final AtomicReference<Topology> topology = new AtomicReference<>(Topology.empty());
    private final MessageSplitter splitter;
    private final SphinxGeometry geometry;
    private final PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT);
    private final ClientPipeline pipeline;
    private final List<Thread> loops = new ArrayList<>();
    private final Set<Long> handedOut = new HashSet<>();
    private final List<Runnable> arrivalListeners = new CopyOnWriteArrayList<>();

    /**
     * @param keys the client's identity
     * @param providerKey the base58 public key of its provider
     * @param token the provider's auth token for this client
     * @param directory the directory to read the topology from
     * @param store the durable store of what arrived
     * @param traffic the Poisson timings
     * @param fetchInterval how often to pull from the provider
     * @param topologyRefresh how often to read the topology
     */
    public MixnetClient(X25519KeyPair keys, String providerKey, AuthToken token, DirectoryClient directory,
            ClientMessageStore store, ClientTrafficConfig traffic, Duration fetchInterval, Duration topologyRefresh)
            throws ProviderException {
        this.keys = keys;
        this.self = ProviderClient.address(keys.publicKey());
        this.providerKey = providerKey;
        this.token = token;
        this.directory = directory;
        this.store = store;
        this.received = new ReceivedPayloads(store, traffic.geometry());
        this.pulls = new ProviderPulls(self, token, providerKey, store, received);
        this.geometry = traffic.geometry();
        this.splitter = MessageSplitter.forGeometry(traffic.geometry(), new SecureRandom());
        received.catchUp(); // first: a reply stored before a crash came in time, whatever its keys' age
        forgetExpiredReplyKeys();
        try {
            refreshTopology();
        } catch (TopologyException e) {
            LOG.log(Level.WARNING, "no topology yet (" + e.getMessage() + "); retrying every " + topologyRefresh);
        }
        loops.add(Periodic.everyAfter("topology-refresh", topologyRefresh, this::refreshTopology));
        this.pipeline = ClientPipeline.start(traffic, self, this::ownProvider, topology::get, sender);
        loops.add(Periodic.every("fetch", fetchInterval, this::pullFromProvider));
    }

    /** @return the current topology */
    public Topology topology() {
        return topology.get();
    }

    /** @return the client's outbound streams, for their counters */
    public ClientPipeline pipeline() {
        return pipeline;
    }

    private void refreshTopology() throws TopologyException {
        topology.set(directory.fetchTopology());
    }

    private Optional<ProviderInfo> ownProvider() {
        return topology.get().providerByKey(providerKey);
    }

    /** Forgets the keys of SURBs made more than {@link ReceivedPayloads#REPLY_KEYS_KEPT} ago. */
    private void forgetExpiredReplyKeys() throws ProviderException {
        long cutoff = System.currentTimeMillis() - ReceivedPayloads.REPLY_KEYS_KEPT.toMillis();
        store.forgetUsedSurbsBefore(cutoff);
        int forgotten = store.forgetReplyKeysBefore(cutoff);
        if (forgotten > 0) {
            LOG.log(Level.INFO, "forgot the keys of " + forgotten + " SURBs older than "
                    + ReceivedPayloads.REPLY_KEYS_KEPT.toDays() + " days: replies through them are discarded");
        }
    }

    /**
     * Forgets expired SURB keys (before the pull: a reply pulled now through a SURB older than the
     * keys' days is discarded, in a client that runs for weeks as in one restarted), hands on what an
     * earlier failure left in the store, then pulls until the provider has no more.
     */
    private void pullFromProvider() throws ProviderException, TransportException {
        try {
            forgetExpiredReplyKeys();
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "cannot forget expired SURB keys now: " + e.getMessage());
        }
        try {
            received.catchUp();
            ProviderInfo provider = ownProvider().orElseThrow(() -> new ProviderException(
                    ProviderException.Reason.UNREACHABLE, "provider " + providerKey + " is not in the topology"));
            pulls.pullAll(provider, this::announceCompleted);
        } finally {
            announceCompleted(); // also after a failure: what was completed before it is stored
        }
    }

    /** Tells the arrival listeners if messages were completed since the last time. */
    private void announceCompleted() {
        if (received.takeCompleted()) {
            announceArrival();
        }
    }

    /** Runs every arrival listener; one that throws neither stops the others nor the pull. */
    private void announceArrival() {
        for (Runnable listener : arrivalListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "BUG: an arrival listener failed", e);
            }
        }
    }

    @Override
    public void send(String recipientAddress, String message) throws ClientPortException {
        send(recipientAddress, message, false);
    }

    @Override
    public void send(String recipientAddress, String message, boolean withReplySurb) throws ClientPortException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw new ClientPortException("message of " + bytes.length + " bytes is over the " + MAX_MESSAGE_BYTES
                    + "-byte maximum");
        }
        Recipient recipient;
        try {
            recipient = Recipient.parse(recipientAddress, topology.get());
        } catch (ClientPortException unknown) {
            // The recipient may have registered since the last refresh: look once more before failing.
            try {
                refreshTopology();
            } catch (TopologyException e) {
                throw unknown;
            }
            recipient = Recipient.parse(recipientAddress, topology.get());
        }
        byte[] surbId = null;
        if (withReplySurb) {
            SurbBuilder.Created surb = newReplySurb();
            surbId = surb.decryptionKeys().surbId().toByteArray();
            surb.decryptionKeys().wipe(); // stored; the copy in memory is not needed
            bytes = ReplyEnvelope.wrap(surb.surb().toBytes(), bytes);
        }
        List<OutboundMessage> packets = new ArrayList<>();
        for (Fragment fragment : splitter.split(bytes)) {
            packets.add(new OutboundMessage(recipient.address(), recipient.provider(), fragment.toBytes()));
        }
        if (!pipeline.offer(packets)) {
            if (surbId != null) { // the SURB never leaves: no reply can come through it
                try {
                    store.forgetReplyKeys(surbId);
                } catch (ProviderException e) {
                    LOG.log(Level.WARNING, "the keys of a SURB that was not sent stay until they expire: "
                            + e.getMessage());
                }
            }
            throw new ClientPortException("send queue full (" + pipeline.queued() + " packets waiting): try again later");
        }
    }

    /** @return a fresh SURB to this client, its keys kept in the store until the reply comes */
    private SurbBuilder.Created newReplySurb() throws ClientPortException {
        SurbBuilder.Created created;
        try {
            created = pipeline.createReplySurb();
        } catch (TopologyException | TransportException | SphinxException e) {
            throw new ClientPortException("cannot make a reply SURB: " + e.getMessage());
        }
        byte[] keys = created.decryptionKeys().toBytes(SecretAccess.insecureGrant());
        try {
            store.saveReplyKeys(created.decryptionKeys().surbId().toByteArray(), keys);
        } catch (ProviderException e) {
            created.decryptionKeys().wipe();
            throw new ClientPortException("cannot keep the reply SURB's keys: " + e.getMessage());
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
        return created;
    }

    @Override
    public void reply(String replySurb, String message) throws ClientPortException {
        Surb surb;
        InetSocketAddress firstHop;
        try {
            surb = Surb.fromBytes(geometry, Base64.getDecoder().decode(replySurb));
            firstHop = NodeAddresses.decode(surb.firstHop());
        } catch (IllegalArgumentException | SphinxException | TransportException e) {
            throw new ClientPortException("malformed reply_surb: " + e.getMessage());
        }
        if (!isFirstLayerMix(firstHop)) {
            // The SURB's maker chose this address: anything but a mix of the network's first layer could
            // be the maker's own host, which would learn this client's IP address and when it replied.
            try {
                refreshTopology();
            } catch (TopologyException e) {
                // Decided on the topology we have.
            }
            if (!isFirstLayerMix(firstHop)) {
                throw new ClientPortException("the reply_surb's first hop " + NodeAddresses.formatHost(firstHop)
                        + " is not a first-layer mix of the network (it may have left): ask for a new SURB");
            }
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > geometry.maxMessageLength()) {
            throw new ClientPortException("reply of " + bytes.length + " bytes is over the " + geometry.maxMessageLength()
                    + " bytes one reply packet carries");
        }
        SphinxPacket packet;
        try {
            packet = surb.createReply(bytes);
        } catch (SphinxException e) {
            throw new ClientPortException("cannot build the reply: " + e.getMessage());
        }
        // A second reply through one SURB would share its header with the first: every mix on the
        // route could link the two. So each SURB is used once, also across restarts.
        byte[] digest = Sha256.digest(surb.toBytes());
        try {
            if (!store.markSurbUsed(digest)) {
                throw new ClientPortException("this reply_surb was used already: a SURB carries one reply");
            }
            if (!pipeline.offer(List.of(new OutboundReply(packet, firstHop)))) {
                store.unmarkSurbUsed(digest);
                throw new ClientPortException("send queue full (" + pipeline.queued() + " packets waiting): try again later");
            }
        } catch (ProviderException e) {
            throw new ClientPortException("cannot note the SURB as used: " + e.getMessage());
        }
    }

    /** @return whether {@code address} is a mix of the first layer in the current topology */
    private boolean isFirstLayerMix(InetSocketAddress address) {
        for (MixNodeInfo mix : topology.get().mixNodesInLayer(Layer.FIRST)) {
            try {
                if (NodeAddresses.parseHost(mix.host()).equals(address)) {
                    return true;
                }
            } catch (TransportException e) {
                // A host the client could not route through anyway.
            }
        }
        return false;
    }

    @Override
    public synchronized Fetched fetch() throws ClientPortException {
        List<ReceivedMessage> batch;
        try {
            batch = store.peekMessages(FETCH_BATCH, FETCH_BATCH_BYTES, Set.copyOf(handedOut));
        } catch (ProviderException e) {
            throw new ClientPortException(e.getMessage());
        }
        List<Long> ids = batch.stream().map(ReceivedMessage::id).toList();
        handedOut.addAll(ids);
        List<String> messages = batch.stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
        List<String> replySurbs = new ArrayList<>();
        for (ReceivedMessage message : batch) {
            byte[] surb = message.replySurb();
            replySurbs.add(surb == null ? null : Base64.getEncoder().encodeToString(surb));
        }
        return Fetched.of(messages, replySurbs, () -> {
            try {
                store.deleteMessages(ids);
            } catch (ProviderException e) {
                LOG.log(Level.WARNING, "delivered messages stay stored and may be fetched again: " + e.getMessage());
            }
            release(ids);
        }, () -> {
            release(ids);
            announceArrival(); // back in the buffer: a subscriber may take them now
        });
    }

    private synchronized void release(List<Long> ids) {
        handedOut.removeAll(ids);
    }

    @Override
    public void onArrival(Runnable listener) {
        arrivalListeners.add(listener);
    }

    @Override
    public void removeArrivalListener(Runnable listener) {
        arrivalListeners.remove(listener);
    }

    @Override
    public List<String> clients() {
        return topology.get().providers().stream().flatMap(p -> p.registeredClients().stream()).toList();
    }

    @Override
    public String ownAddress() {
        return keys.publicKey().toBase58();
    }

    @Override
    public int maxMessageBytes() {
        return MAX_MESSAGE_BYTES;
    }

    @Override
    public void close() {
        loops.forEach(Thread::interrupt);
        pipeline.close();
        sender.close();
        try {
            store.close();
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "closing the message store: " + e.getMessage());
        }
        directory.close();
    }
}
