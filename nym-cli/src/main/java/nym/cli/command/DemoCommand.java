package nym.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.wiring.ChildProcesses;
import nym.cli.wiring.Shutdown;
import nym.websocket.WebSocketApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nym-demo}: the whole product in one command. Starts {@code nym-testnet} and two clients,
 * alice and bob, each with its WebSocket; sends a message from alice to bob through the mixnet
 * exactly as an application would (WebSocket {@code send}, then {@code fetch} at bob), prints it
 * arriving and how long it took, then keeps running for the seed's commands.
 */
@Command(name = "nym-demo", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Starts a local mixnet and two clients (alice on WebSocket port 9001, bob on 9002), sends a "
                + "message from alice to bob through the mixnet, and keeps everything running until Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {
    private static final Duration STEP_DEADLINE = Duration.ofSeconds(120);

    @Option(names = "--home", description = "Where the network and the clients keep their files (default: $HOME/.nym-demo).")
    Path home;

    @Option(names = "--directory-port", defaultValue = "" + Defaults.DIRECTORY_PORT,
            description = "Port of the directory (default: ${DEFAULT-VALUE}).")
    int directoryPort;

    @Option(names = "--alice-port", defaultValue = "9001", description = "Alice's WebSocket port (default: ${DEFAULT-VALUE}).")
    int alicePort;

    @Option(names = "--bob-port", defaultValue = "9002", description = "Bob's WebSocket port (default: ${DEFAULT-VALUE}).")
    int bobPort;

    @Option(names = "--message", defaultValue = "Hello bob, this is alice, through the mixnet.",
            description = "What alice sends (default: \"${DEFAULT-VALUE}\").")
    String message;

    @Override
    public Integer call() throws Exception {
        for (int port : new int[] {alicePort, bobPort}) {
            if (port < 1 || port > 65_535) {
                throw new ConfigException("--alice-port and --bob-port must be 1 to 65535 (the demo connects to them), got "
                        + port);
            }
        }
        if (alicePort == bobPort) {
            throw new ConfigException("--alice-port and --bob-port must differ, both are " + alicePort);
        }
        NodeOptions.checkPort("--directory-port", directoryPort);
        Path demoHome = (home != null ? home : NymHome.root().resolveSibling(".nym-demo")).toAbsolutePath();
        ChildProcesses processes = ChildProcesses.underHome(demoHome);
        Shutdown shutdown = new Shutdown(() -> {
            System.out.println("Stopping the clients and the network...");
            processes.stopAll();
            System.out.println("Demo stopped.");
        });

        System.out.println("Starting the network (nym-testnet, logs in " + demoHome.resolve("logs") + ")...");
        ChildProcesses.Child testnet = processes.start("testnet", "nym-testnet", List.of("--home",
                demoHome.toString(), "--directory-port", Integer.toString(directoryPort)));
        String ready = Lines.await(testnet, "testnet ready: directory ", STEP_DEADLINE);
        String directory = ready.substring(ready.indexOf("http://")).strip();
        System.out.println("Network ready: directory " + directory);

        for (String[] client : new String[][] {{"alice", Integer.toString(alicePort)}, {"bob", Integer.toString(bobPort)}}) {
            // A new identity each run: what an earlier run's identity received and nobody fetched is
            // moved aside by init, and said here, so bob's first fetch is this run's message.
            ChildProcesses.Child init = processes.runToCompletion(client[0] + "-init", "nym-client", List.of("init",
                    "--id", client[0], "--directory", directory, "--port", client[1], "--force"));
            for (String line : init.lines()) {
                if (line.startsWith(ReceivedStoreFile.MOVED)) {
                    System.out.println(client[0] + ": " + line);
                }
            }
            ChildProcesses.Child run = processes.start(client[0], "nym-client", List.of("run", "--id", client[0]));
            Lines.await(run, "Starting websocket listener", STEP_DEADLINE);
            System.out.println("Client " + client[0] + " running, WebSocket ws://127.0.0.1:" + client[1] + "/mix");
        }

        try (WebSocketApiClient alice = WebSocketApiClient.connect(alicePort, Duration.ofSeconds(10));
                WebSocketApiClient bob = WebSocketApiClient.connect(bobPort, Duration.ofSeconds(10))) {
            String bobAddress = bob.request(WebSocketApiClient.requestOf("ownDetails"), Duration.ofSeconds(10))
                    .path("address").asText();
            System.out.println("alice -> bob (" + bobAddress + "): \"" + message + "\"");
            long sentAt = sendWhenKnown(alice, bobAddress, message);
            JsonNode arrived = awaitMessage(bob);
            System.out.printf("bob received: \"%s\" after %.0f ms%n", arrived.asText(),
                    (System.nanoTime() - sentAt) / 1e6);
        }
        System.out.println();
        System.out.println("The network and both clients keep running. Try the seed's commands, e.g.");
        System.out.println("  HOME=" + demoHome + " nym-cli/target/nym/bin/nym-client init --id carol --directory "
                + directory + " --port 9003");
        System.out.println("  or a WebSocket application on ws://127.0.0.1:" + alicePort + "/mix");
        System.out.println("Ctrl-C stops everything.");
        shutdown.awaitStop();
        return 0;
    }

    /**
     * Sends as soon as the network knows bob's provider (a provider reports its new clients to the
     * directory within 2 s).
     *
     * @return when the send was accepted, on the {@link System#nanoTime()} scale
     */
    private static long sendWhenKnown(WebSocketApiClient alice, String address, String message) throws Exception {
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        while (true) {
            long attempt = System.nanoTime();
            try {
                alice.request(WebSocketApiClient.requestOf("send").put("message", message)
                        .put("recipient_address", address), Duration.ofSeconds(10));
                return attempt;
            } catch (IllegalStateException e) {
                if (!e.getMessage().startsWith("unknown recipient") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }

    private static JsonNode awaitMessage(WebSocketApiClient bob) throws Exception {
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode messages = bob.request(WebSocketApiClient.requestOf("fetch"), Duration.ofSeconds(10))
                    .path("messages");
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("bob received nothing within " + STEP_DEADLINE.toSeconds() + " s");
    }
}
