package nym.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import nym.websocket.WebSocketApiClient;

/**
 * The client issue's figures, measured on the jlink image: time from {@code nym-client run} to a
 * listening WebSocket, resident memory of an idle client, and the end-to-end latency of messages
 * from alice to bob through a local testnet, with the seed's default delays and with near-zero ones.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar nym.benchmarks.ClientFigures
 * [--image nym-cli/target/nym] [--messages 200]}
 */
public final class ClientFigures {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String DEFAULT_DEBUG = "average_packet_delay = 200\nmessage_sending_average_delay = 500\n"
            + "loop_cover_traffic_average_delay = 1000\nfetch_message_delay = 1000\ntopology_refresh_rate = 10000\n";

    private final Path bin;
    private final Path home;
    private final List<Process> processes = new ArrayList<>();

    private ClientFigures(Path bin, Path home) {
        this.bin = bin;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--image", "nym-cli/target/nym", "--messages", "200"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int messages = Integer.parseInt(options.get("--messages"));
        ClientFigures figures = new ClientFigures(Path.of(options.get("--image"), "bin").toAbsolutePath(),
                Files.createTempDirectory("nym-client-figures"));
        try {
            figures.run(messages);
        } finally {
            figures.stopAll();
        }
    }

    private void run(int messages) throws Exception {
        Process testnet = start(List.of("nym-testnet", "--home", home.toString(), "--directory-port", "0",
                "--mixnodes-per-layer", "1", "--providers", "1"), home.resolve("testnet.out"));
        String directory = awaitLine(testnet, home.resolve("testnet.out"), "testnet ready: directory ", 120);
        directory = directory.substring(directory.indexOf("http://")).strip();
        int alicePort = freePort();
        int bobPort = freePort();
        init("alice", directory, alicePort);
        init("bob", directory, bobPort);

        List<Double> startups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Process alice = start(List.of("nym-client", "run", "--id", "alice"), home.resolve("alice-start.out"));
            awaitPort(alicePort, 30);
            startups.add((System.nanoTime() - started) / 1e6);
            stop(alice);
        }
        Collections.sort(startups);
        System.out.printf("run to listening WebSocket: median %.0f ms, min %.0f, max %.0f (5 starts)%n",
                startups.get(2), startups.get(0), startups.get(4));

        for (String[] delays : new String[][] {{"default", DEFAULT_DEBUG},
                {"near-zero", "average_packet_delay = 1\nmessage_sending_average_delay = 10\n"
                        + "loop_cover_traffic_average_delay = 100\nfetch_message_delay = 20\n"
                        + "topology_refresh_rate = 10000\n"}}) {
            setDebug("alice", delays[1]);
            setDebug("bob", delays[1]);
            Process alice = start(List.of("nym-client", "run", "--id", "alice"), home.resolve("alice.out"));
            Process bob = start(List.of("nym-client", "run", "--id", "bob"), home.resolve("bob.out"));
            awaitPort(alicePort, 30);
            awaitPort(bobPort, 30);
            if (delays[0].equals("default")) {
                Thread.sleep(15_000);
                System.out.printf("idle client resident memory after 15 s (cover traffic running): alice %d MB, bob %d MB%n",
                        rssMegabytes(alice), rssMegabytes(bob));
            }
            latencies(delays[0], alicePort, bobPort, messages, delays[1].contains("= 500") ? 1000 : 50);
            stop(alice);
            stop(bob);
        }
    }

    private void latencies(String name, int alicePort, int bobPort, int count, long spacingMillis) throws Exception {
        try (WebSocketApiClient alice = WebSocketApiClient.connect(alicePort, TIMEOUT);
                WebSocketApiClient bob = WebSocketApiClient.connect(bobPort, TIMEOUT)) {
            String bobAddress = bob.request(WebSocketApiClient.requestOf("ownDetails"), TIMEOUT).path("address").asText();
            long[] sentAt = new long[count];
            boolean[] arrived = new boolean[count];
            int unexpected = 0;
            String tag = name + "-";
            List<Double> latencies = new ArrayList<>();
            long nextSend = System.nanoTime();
            int sent = 0;
            long deadline = Long.MAX_VALUE;
            while (latencies.size() < count && System.nanoTime() < deadline) {
                if (sent < count && System.nanoTime() >= nextSend) {
                    if (tryToSend(alice, tag + sent, bobAddress)) {
                        sentAt[sent++] = System.nanoTime();
                        nextSend += spacingMillis * 1_000_000L;
                        if (sent == count) {
                            deadline = System.nanoTime() + 60_000_000_000L;
                        }
                    } else {
                        nextSend = System.nanoTime() + 250_000_000L; // bob not in alice's topology yet
                    }
                }
                for (JsonNode message : bob.request(WebSocketApiClient.requestOf("fetch"), TIMEOUT).path("messages")) {
                    String text = message.asText();
                    int index = text.startsWith(tag) ? Integer.parseInt(text.substring(tag.length())) : -1;
                    if (index < 0 || index >= sent || arrived[index]) {
                        unexpected++; // a duplicate, or a leftover of an earlier phase
                        continue;
                    }
                    arrived[index] = true;
                    latencies.add((System.nanoTime() - sentAt[index]) / 1e6);
                }
                Thread.sleep(10);
            }
            Collections.sort(latencies);
            System.out.printf("latency, %s delays: %d of %d messages arrived (%d unexpected), p50 %.0f ms, p99 %.0f ms,"
                    + " max %.0f ms%n", name, latencies.size(), count, unexpected, latencies.get(latencies.size() / 2),
                    latencies.get(Math.min(latencies.size() - 1, (int) (latencies.size() * 0.99))),
                    latencies.get(latencies.size() - 1));
        }
    }

    /** @return false if alice's client refused the send (bob not in its topology yet) */
    private static boolean tryToSend(WebSocketApiClient alice, String message, String recipient) throws Exception {
        try {
            alice.request(WebSocketApiClient.requestOf("send").put("message", message)
                    .put("recipient_address", recipient), TIMEOUT);
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    private void init(String id, String directory, int port) throws Exception {
        Process init = start(List.of("nym-client", "init", "--id", id, "--directory", directory, "--port",
                Integer.toString(port), "--force"), home.resolve(id + "-init.out"));
        if (!init.waitFor(60, TimeUnit.SECONDS) || init.exitValue() != 0) {
            throw new IOException("init " + id + " failed: " + Files.readString(home.resolve(id + "-init.out")));
        }
    }

    private void setDebug(String id, String debug) throws IOException {
        Path config = home.resolve(".nym/clients/" + id + "/config/config.toml");
        String text = Files.readString(config);
        Files.writeString(config, text.substring(0, text.indexOf("[debug]")) + "[debug]\n" + debug);
    }

    private long rssMegabytes(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private Process start(List<String> command, Path output) throws IOException {
        List<String> full = new ArrayList<>(command);
        full.set(0, bin.resolve(command.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String awaitLine(Process process, Path output, String marker, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : Files.readAllLines(output)) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no '" + marker + "' in " + output);
    }

    private static void awaitPort(int port, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
        throw new IOException("nothing listens on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private void stopAll() throws InterruptedException {
        for (Process process : processes) {
            if (process.isAlive()) {
                stop(process);
            }
        }
    }
}
