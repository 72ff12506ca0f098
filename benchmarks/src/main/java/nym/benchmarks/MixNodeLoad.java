package nym.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.topology.MixNodeInfo;
import nym.topology.directory.DirectoryConfig;
import nym.topology.directory.DirectoryServer;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketListener;
import nym.traffic.transport.PacketSender;

/**
 * End-to-end load on one mix node process from the jlink image: pre-built packets at rising rates,
 * through the node into an in-process sink; reports, per rate, the packets lost and the latency the
 * node adds over the delay written in the headers. The baseline, measured in the same run, is the
 * same sender writing straight to the sink (transport only, no mix node).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar nym.benchmarks.MixNodeLoad
 * [--image nym-cli/target/nym] [--rates 1000,2000,5000,10000] [--seconds 3] [--delay-ms 1]}
 */
public final class MixNodeLoad {
    private static final long TICK_NANOS = 1_000_000;

    private final SphinxGeometry geometry = SphinxGeometry.DEFAULT;
    private final X25519KeyPair sinkKeys = X25519KeyPair.generate(new SecureRandom());
    private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
    private final PacketListener sink;

    private MixNodeLoad() throws IOException {
        sink = PacketListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), geometry,
                (packet, from) -> arrivals.putIfAbsent(alphaPrefix(packet), System.nanoTime()));
    }

    /** One rate's outcome. */
    record Result(String target, int rate, int sent, int received, long senderDrops, double p50, double p99, double max) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--image", "nym-cli/target/nym",
                "--rates", "1000,2000,5000,10000,15000", "--seconds", "3", "--delay-ms", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int seconds = Integer.parseInt(options.get("--seconds"));
        long delayNanos = Long.parseLong(options.get("--delay-ms")) * 1_000_000L;
        int[] rates = Arrays.stream(options.get("--rates").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf("machine: %d cores, %s %s, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("load: %d s per rate, header delay %d ms at the mix%n", seconds, delayNanos / 1_000_000);

        MixNodeLoad load = new MixNodeLoad();
        // A mix node forwards only to the next layer's nodes in the directory: the sink is listed as
        // the one node of layer 2, for longer than any run (the default TTL would drop it in 10 s).
        DirectoryServer directory = DirectoryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                DirectoryConfig.defaults().withTtl(Duration.ofDays(1)));
        directory.registry().registerMixNode(new MixNodeInfo(NodeAddresses.formatHost(load.sink.localAddress()),
                load.sinkKeys.publicKey(), 2, 0, "benchmark-sink"));
        try {
            rampUp(load, directory, options, seconds, delayNanos, rates);
        } finally {
            load.sink.close();
            directory.close(); // its HTTP thread is no daemon: left open, a failed run would never end
        }
    }

    /** Starts the node against {@code directory} and measures it at each rate; stops the node however it ends. */
    private static void rampUp(MixNodeLoad load, DirectoryServer directory, Map<String, String> options, int seconds,
            long delayNanos, int[] rates) throws Exception {
        Path home = Files.createTempDirectory("nym-mixnode-load");
        Path bin = Path.of(options.get("--image"), "bin");
        run(List.of(bin.resolve("nym-mixnode").toString(), "init", "--id", "load", "--layer", "1", "--port", "0",
                "--directory", directory.uri().toString()), home);
        X25519PrivateKey mixKey = KeyPem.readX25519Private(
                home.resolve(".nym/mixnodes/load/data/private_sphinx.pem"));
        Process mix = start(List.of(bin.resolve("nym-mixnode").toString(), "run", "--id", "load"), home);
        try {
            InetSocketAddress mixAddress = awaitListening(mix);
            Result warmup = load.measure("warm-up", mixAddress, mixKey, 1000, 2, delayNanos);
            System.out.println(format(warmup) + " (not counted)");
            List<Result> results = new ArrayList<>();
            for (int rate : rates) {
                results.add(load.measure("baseline", null, null, rate, seconds, 0));
                Result result = load.measure("mix node", mixAddress, mixKey, rate, seconds, delayNanos);
                results.add(result);
                System.out.println(format(results.get(results.size() - 2)));
                System.out.println(format(result));
                if (result.received() < result.sent()) {
                    System.out.println("loss at " + rate + " packets/s: stopping");
                    break;
                }
            }
        } finally {
            // The launcher is a shell script whose child is the JVM: stop the JVM first.
            mix.descendants().forEach(ProcessHandle::destroy);
            mix.destroy();
            mix.waitFor();
        }
    }

    private Result measure(String target, InetSocketAddress mix, X25519PrivateKey mixKey, int rate, int seconds,
            long delayNanos) throws Exception {
        int count = rate * seconds;
        SphinxPacket[] packets = new SphinxPacket[count];
        long[] expectedPrefix = new long[count];
        Hop sinkHop = new Hop(NodeAddresses.encode(sink.localAddress()), sinkKeys.publicKey());
        Destination destination = new Destination(DestinationAddress.fromBytes(new byte[32]),
                SurbId.fromBytes(new byte[16]));
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                SecureRandom random = new SecureRandom();
                if (mix == null) {
                    packets[i] = PacketBuilder.create().route(List.of(sinkHop)).delays(List.of(Delay.ZERO))
                            .destination(destination).random(random).build();
                    expectedPrefix[i] = alphaPrefix(packets[i]);
                } else {
                    Hop mixHop = new Hop(NodeAddresses.encode(mix), mixKey.publicKey());
                    packets[i] = PacketBuilder.create().route(List.of(mixHop, sinkHop))
                            .delays(List.of(Delay.ofNanos(delayNanos), Delay.ZERO)).destination(destination)
                            .message(ByteBuffer.allocate(4).putInt(i).array()).random(random).build();
                    ProcessedPacket.ForwardHop out = (ProcessedPacket.ForwardHop) PacketProcessor.forKey(mixKey)
                            .process(packets[i]);
                    expectedPrefix[i] = alphaPrefix(out.next());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < count; i++) {
            index.put(expectedPrefix[i], i);
        }
        arrivals.clear();
        long[] sentAt = new long[count];
        InetSocketAddress target1 = mix == null ? sink.localAddress() : mix;
        long senderDrops;
        try (PacketSender sender = PacketSender.create(PacketSender.Config.DEFAULT)) {
            // Paced in 1 ms ticks: every packet due by now goes out, then the sender parks until the
            // next tick, so the load generator does not spin a core away from the node.
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            int next = 0;
            while (next < count) {
                long now = System.nanoTime();
                while (next < count && start + next * interval <= now) {
                    sentAt[next] = now;
                    sender.send(target1, packets[next]);
                    next++;
                }
                LockSupport.parkNanos(TICK_NANOS);
            }
            long lastProgress = System.nanoTime();
            int seen = 0;
            while (arrivals.size() < count && System.nanoTime() - lastProgress < 3_000_000_000L) {
                LockSupport.parkNanos(10_000_000);
                if (arrivals.size() != seen) {
                    seen = arrivals.size();
                    lastProgress = System.nanoTime();
                }
            }
            senderDrops = sender.droppedQueueFull() + sender.droppedWriteFailed();
        }
        List<Double> latencies = new ArrayList<>();
        int received = 0;
        for (Map.Entry<Long, Long> arrival : arrivals.entrySet()) {
            Integer i = index.get(arrival.getKey());
            if (i != null) {
                received++;
                latencies.add((arrival.getValue() - sentAt[i] - delayNanos) / 1e6);
            }
        }
        latencies.sort(Double::compare);
        return new Result(target, rate, count, received, senderDrops, percentile(latencies, 0.50),
                percentile(latencies, 0.99), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static String format(Result r) {
        return String.format("%-9s %6d pkt/s: sent %7d, received %7d, lost %5d (sender drops %d), added latency p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                r.target(), r.rate(), r.sent(), r.received(), r.sent() - r.received(), r.senderDrops(), r.p50(),
                r.p99(), r.max());
    }

    private static long alphaPrefix(SphinxPacket packet) {
        return ByteBuffer.wrap(packet.toBytes(), 0, Long.BYTES).getLong();
    }

    private static void run(List<String> command, Path home) throws Exception {
        Process process = start(command, home);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + command + "\n" + output);
        }
    }

    private static Process start(List<String> command, Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    /** Reads the node's output so its pipe never fills; ends when the node does. */
    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // discard
            }
        } catch (IOException e) {
            // The node stopped.
        }
    }

    private static InetSocketAddress awaitListening(Process mix) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(mix.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("Listening for incoming packets on ")) {
                InetSocketAddress address = NodeAddresses.parseHost(line.substring(line.lastIndexOf(' ') + 1));
                Thread.ofVirtual().start(() -> drain(reader));
                return address;
            }
        }
        throw new IOException("the mix node exited before listening");
    }
}
