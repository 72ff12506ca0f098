package nym.traffic.client;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.sphinx.surb.SurbBuilder;
import nym.topology.NodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.RouteSelector;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.traffic.poisson.DelaySampler;
import nym.traffic.poisson.PoissonSchedule;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketSender;
import nym.traffic.transport.TransportException;

/**
 * A client's outbound traffic: two Poisson streams whose rates do not depend on what the
 * application sends. In the main stream every slot carries a packet: the oldest waiting real
 * packet, or, if none waits, a loop cover packet to the client itself. The second stream sends only
 * loop cover packets. Every packet gets a fresh route (one mix per layer, then the recipient's
 * provider) and exponential per-hop delays, and has the same size on the wire.
 *
 * <p>Thread-safe. {@link #close()} stops both streams; waiting packets are dropped.
 */
public final class ClientPipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClientPipeline.class.getName());

    private final ClientTrafficConfig config;
    private final DestinationAddress self;
    private final Supplier<Optional<ProviderInfo>> ownProvider;
    private final Supplier<Topology> topology;
    private final PacketSender sender;
    private final LinkedBlockingDeque<Outbound> queue;
    private final SecureRandom random = new SecureRandom();
    private final LongAdder realPackets = new LongAdder();
    private final LongAdder coverPackets = new LongAdder();
    private final LongAdder unroutable = new LongAdder();
    private final List<Thread> streams = new ArrayList<>();
    private volatile boolean closed;

    private ClientPipeline(ClientTrafficConfig config, DestinationAddress self,
            Supplier<Optional<ProviderInfo>> ownProvider, Supplier<Topology> topology, PacketSender sender) {
        this.config = config;
        this.self = self;
        this.ownProvider = ownProvider;
        this.topology = topology;
        this.sender = sender;
        this.queue = new LinkedBlockingDeque<>(config.queueCapacity());
    }

    /**
     * Starts both streams.
     *
     * @param self this client's address, the destination of its loop cover
     * @param ownProvider this client's provider as the current topology knows it
     * @param topology the current topology (refreshed by the caller)
     * @param sender the connections to first-layer mix nodes
     */
    public static ClientPipeline start(ClientTrafficConfig config, DestinationAddress self,
            Supplier<Optional<ProviderInfo>> ownProvider, Supplier<Topology> topology, PacketSender sender) {
        ClientPipeline pipeline = new ClientPipeline(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(self, "self"), ownProvider, topology, sender);
        pipeline.streams.add(Thread.ofPlatform().daemon().name("poisson-messages")
                .start(() -> pipeline.stream(config.messageSendingAverageDelay(), true)));
        pipeline.streams.add(Thread.ofPlatform().daemon().name("poisson-loop-cover")
                .start(() -> pipeline.stream(config.loopCoverAverageDelay(), false)));
        return pipeline;
    }

    /**
     * Queues the packets of one message, all or none.
     *
     * @return false if the queue has no room for all of them
     */
    public synchronized boolean offer(List<? extends Outbound> packets) {
        if (config.queueCapacity() - queue.size() < packets.size()) {
            return false;
        }
        packets.forEach(queue::offerLast);
        return true;
    }

    /** @return packets waiting for a slot */
    public int queued() {
        return queue.size();
    }

    /** @return real packets sent */
    public long realPackets() {
        return realPackets.sum();
    }

    /** @return cover packets sent, from both streams */
    public long coverPackets() {
        return coverPackets.sum();
    }

    /** @return slots that could not be used: no route in the topology, or no room at the first hop */
    public long unroutable() {
        return unroutable.sum();
    }

    private void stream(java.time.Duration mean, boolean carriesRealMessages) {
        PoissonSchedule schedule = new PoissonSchedule(mean, random);
        DelaySampler delays = new DelaySampler(config.averagePacketDelay(), random);
        long next = System.nanoTime();
        while (!closed) {
            next += schedule.nextNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                if (closed || Thread.interrupted()) {
                    return;
                }
            } else {
                next = System.nanoTime(); // a late slot is not made up for with a burst
            }
            Outbound real = carriesRealMessages ? queue.pollFirst() : null;
            try {
                if (real != null) {
                    send(real, delays);
                    realPackets.increment();
                } else {
                    sendLoopCover(delays);
                    coverPackets.increment();
                }
            } catch (TopologyException | TransportException | SphinxException e) {
                unroutable.increment();
                if (real != null && !queue.offerFirst(real)) {
                    LOG.log(Level.WARNING, "dropped a real packet: the send queue filled up meanwhile");
                }
                LOG.log(Level.DEBUG, "slot not used: " + e.getMessage());
            }
        }
    }

    private void sendLoopCover(DelaySampler delays) throws TopologyException, TransportException, SphinxException {
        ProviderInfo provider = ownProvider.get().orElseThrow(() -> new TopologyException(
                TopologyException.Reason.UNKNOWN_CLIENT, "own provider is not in the topology"));
        send(new OutboundMessage(self, provider, CoverMessage.loop()), delays);
    }

    private void send(Outbound outbound, DelaySampler delays)
            throws TopologyException, TransportException, SphinxException {
        switch (outbound) {
            case OutboundReply reply -> sendTo(reply.firstHop(), reply.packet());
            case OutboundMessage message -> {
                List<Hop> hops = hopsTo(message.provider());
                SphinxPacket packet = PacketBuilder.create(config.geometry()).route(hops)
                        .delays(delays.forRoute(hops.size()))
                        .destination(new Destination(message.recipient(), SurbId.fromBytes(new byte[SurbId.LENGTH])))
                        .message(message.body()).random(random).build();
                sendTo(NodeAddresses.decode(hops.get(0).address()), packet);
            }
        }
    }

    /**
     * @return a fresh route: one mix per layer, then {@code provider} as the topology lists it now
     *     (a message may wait in the queue longer than a provider keeps a replaced Sphinx key)
     */
    private List<Hop> hopsTo(ProviderInfo provider) throws TopologyException, TransportException {
        Topology now = topology.get();
        ProviderInfo current = now.providerByKey(provider.publicKey().toBase58()).orElse(provider);
        List<NodeInfo> route = new RouteSelector(random).select(now, current);
        List<Hop> hops = new ArrayList<>(route.size());
        for (NodeInfo node : route) {
            hops.add(new Hop(NodeAddresses.encode(NodeAddresses.parseHost(node.host())), node.sphinxKey()));
        }
        return hops;
    }

    private void sendTo(InetSocketAddress firstHop, SphinxPacket packet) throws TransportException {
        if (!sender.send(firstHop, packet)) {
            throw new TransportException(TransportException.Reason.QUEUE_FULL, "no room to send to " + firstHop);
        }
    }

    /**
     * A single-use reply block for a reply to this client: a fresh route from one mix per layer to the
     * client's own provider, with the stream's exponential delays.
     *
     * @throws TopologyException if the topology has no route to the client's provider
     */
    public SurbBuilder.Created createReplySurb() throws TopologyException, TransportException, SphinxException {
        ProviderInfo provider = ownProvider.get().orElseThrow(() -> new TopologyException(
                TopologyException.Reason.UNKNOWN_CLIENT, "own provider is not in the topology"));
        List<Hop> hops = hopsTo(provider);
        return SurbBuilder.create(config.geometry()).route(hops)
                .delays(new DelaySampler(config.averagePacketDelay(), random).forRoute(hops.size()))
                .destination(self).random(random).build();
    }

    @Override
    public void close() {
        closed = true;
        streams.forEach(Thread::interrupt);
    }
}
