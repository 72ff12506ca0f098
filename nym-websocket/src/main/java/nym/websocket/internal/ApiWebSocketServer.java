package nym.websocket.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

import nym.websocket.WebSocketConfig;

/**
 * The Java-WebSocket server behind {@code nym.websocket.WebSocketApiServer}: any path, text frames
 * answered by the {@link RequestHandler} in order on each connection's {@link RequestQueue}, binary
 * frames answered with an error, non-loopback peers and connections over the limit refused at the
 * handshake, frames and fragmented messages over the limit closed with 1009 by
 * {@link MessageSizeLimitedDraft}.
 *
 * <p><b>Pushes.</b> Once a connection's {@code subscribe} is answered, each arrival the client reports
 * queues one push on that connection's {@link RequestQueue}, behind the requests already waiting:
 * responses keep their order, and a push is a {@code fetch} whose reply the application did not
 * ask for. A push that was written queues the next one, until the buffer is empty. A push takes
 * messages only once the connection's previous frame is written, so a connection that does not read
 * holds none that another could have; messages a fetch or push could not write go back to the
 * client, which reports them as an arrival, so they are pushed to the other subscribers.
 *
 * <p><b>Lost write demands.</b> Java-WebSocket can strand a frame sent by a thread other than its
 * selector's, and every response here is sent from a connection's {@link RequestQueue} thread;
 * {@link LostWriteDemands} gives such frames their write demand back while the server runs.
 *
 * <p><b>Stopping.</b> The write check and the arrival listener both hold the server, so both end on
 * every way it stops: {@link #stopQuietly()} and the inherited {@code stop} methods (which the
 * library also calls itself after a fatal error), a failed start (the library reports it, like any
 * failure of the server itself, through {@code onError} without a connection), and the selector
 * thread ending for any other reason ({@link #run()}).
 */
public final class ApiWebSocketServer extends WebSocketServer {
    private static final System.Logger LOG = ServerLogs.WEBSOCKET;
    private static final long START_TIMEOUT_SECONDS = 10;
    /** The longest a stop waits for the selector thread when asked to wait for ever. */
    static final int LONGEST_STOP_WAIT_MILLIS = 2_000;
    /** The ERROR line of a server that stops on its own after it started: the client runs on without it. */
    private static final String API_LOST = "the websocket API stopped after an error; restart the client to serve it again";
    /** How often a fetch's reply looks whether its frame was written. */
    private static final long WRITE_POLL_NANOS = 200_000;

    private final RequestHandler handler;
    private final WebSocketConfig config;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    /** Registered with the client while the server runs: removed when it stops or fails to start. */
    private final Runnable arrivals = this::pushToSubscribers;
    private final LostWriteDemands lostWriteDemands = new LostWriteDemands(this);

    private ApiWebSocketServer(InetSocketAddress bind, WebSocketConfig config, RequestHandler handler) {
        super(bind, List.<Draft>of(new MessageSizeLimitedDraft(config.maxFrameBytes())));
        this.handler = handler;
        this.config = config;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
    }

    /**
     * Binds {@code bind} (the config's port is not used) and waits until the server accepts
     * connections; frames, connections and origins are limited as {@code config} says.
     *
     * @throws IOException if the address cannot be bound, or the server did not start in time
     */
    public static ApiWebSocketServer start(InetSocketAddress bind, WebSocketConfig config, RequestHandler handler)
            throws IOException {
        return start(bind, config, handler, new DefaultWebSocketServerFactory());
    }

    /**
     * {@link #start(InetSocketAddress, WebSocketConfig, RequestHandler)} with {@code factory} making the
     * connections (tests wrap their channels).
     */
    static ApiWebSocketServer start(InetSocketAddress bind, WebSocketConfig config, RequestHandler handler,
            WebSocketServerFactory factory) throws IOException {
        ApiWebSocketServer server = new ApiWebSocketServer(bind, config, handler);
        server.setWebSocketFactory(factory);
        handler.onArrival(server.arrivals);
        server.start();
        try {
            if (!server.started.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                server.stopQuietly();
                throw new IOException("websocket listener at " + bind + " did not start within " + START_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stopQuietly();
            throw new IOException("interrupted while starting the websocket listener at " + bind, e);
        }
        if (server.startFailure != null) { // onError has stopped everything
            throw new IOException("cannot listen at " + bind + ": " + server.startFailure.getMessage(), server.startFailure);
        }
        return server;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        InetSocketAddress peer = conn.getRemoteSocketAddress();
        if (!LoopbackPeers.isLoopback(peer)) {
            LoopbackPeers.logRefused(LOG, peer);
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "only loopback peers are accepted");
        }
        String origin = request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : null;
        if (!LocalOrigins.isAllowed(origin, config.allowedOrigins())) {
            LOG.log(Level.WARNING, "Refused connection from a page of " + origin + ": only pages served from this "
                    + "machine are let in (to let this one in: nym-client run --allow-origin " + origin + ")");
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        if (getConnections().size() >= config.maxConnections()) {
            LOG.log(Level.WARNING, "Refused connection from " + peer + ": already " + config.maxConnections()
                    + " connections open");
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "too many connections");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onStart() {
        // On the selector thread, before its loop: a server that stops from here on stops the check too.
        lostWriteDemands.start();
        started.countDown();
    }

    /** The selector thread: however its loop ends, nothing of this server may keep running. */
    @Override
    public void run() {
        try {
            super.run();
        } finally {
            stopped();
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // A String as UTF-16 is at most 2 bytes per char, a frame of maxFrameBytes at most that many chars.
        conn.setAttachment(new ApiConnection(new RequestQueue("ws-requests-" + conn.getRemoteSocketAddress(),
                4L * config.maxFrameBytes())));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        enqueue(conn, message.length(), () -> {
            RequestHandler.Reply reply = handler.answer(message);
            if (reply(conn, reply) && reply.subscribed()) {
                ApiConnection state = conn.getAttachment();
                state.subscribe();
                queuePush(conn); // messages that were waiting already
            }
        });
    }

    /** Queues a push on every subscribed connection that has none queued. */
    private void pushToSubscribers() {
        for (WebSocket conn : getConnections()) {
            queuePush(conn);
        }
    }

    private void queuePush(WebSocket conn) {
        ApiConnection state = conn.getAttachment();
        if (state != null && conn.isOpen() && state.claimPush()) {
            enqueue(conn, 0, () -> {
                state.pushStarted();
                // Messages are taken only once the previous frame is written: a connection that does
                // not read holds none that another connection could have. Going away, it takes none.
                if (!conn.isOpen() || !awaitWritten(conn)) {
                    return;
                }
                RequestHandler.Reply push = handler.push();
                if (push != null && reply(conn, push)) {
                    queuePush(conn); // a fetch's worth at a time: more may wait
                }
            });
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        enqueue(conn, 1, () -> reply(conn, RequestHandler.error(RequestHandler.BINARY_FRAME_ERROR)));
    }

    private static void enqueue(WebSocket conn, long chars, Runnable work) {
        ApiConnection state = conn.getAttachment();
        if (state != null && !state.requests().offer(chars, work)) {
            LOG.log(Level.WARNING, "Closing connection from " + conn.getRemoteSocketAddress()
                    + ": more than " + RequestQueue.MAX_REQUESTS + " requests or their size waiting");
            conn.close(CloseFrame.TRY_AGAIN_LATER, "too many requests waiting: wait for responses");
        }
    }

    private void reply(WebSocket conn, String response) {
        reply(conn, new RequestHandler.Reply(response, null));
    }

    /**
     * Sends the reply once the connection's previous one is written: an application that sends
     * requests and never reads then holds one reply, not all of them, and its requests pile up in
     * the {@link RequestQueue} until it closes the connection. Fetched messages count as delivered
     * only once the response is written to the socket, as the TCP socket confirms them after its
     * flush: {@code send} only queues the frame, and a connection that closes before the selector
     * wrote it would otherwise take them with it.
     */
    private boolean reply(WebSocket conn, RequestHandler.Reply reply) {
        boolean sent = false;
        try {
            if (!awaitWritten(conn)) {
                return false; // closed with a reply still unwritten: this one would not be written either
            }
            conn.send(reply.json());
            sent = reply.fetched() == null || awaitWritten(conn);
        } catch (WebsocketNotConnectedException e) {
            // The peer left before its answer was ready.
        } finally {
            reply.sent(sent);
        }
        return sent;
    }

    /**
     * Waits on the connection's request thread until its out-queue is empty (the library keeps a
     * frame there until the socket took all of it) or the connection is no longer open.
     *
     * @return whether everything queued was written
     */
    private static boolean awaitWritten(WebSocket conn) {
        while (conn.hasBufferedData()) {
            if (!conn.isOpen() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(WRITE_POLL_NANOS);
        }
        return true;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        ApiConnection state = conn.getAttachment();
        if (state != null) {
            state.requests().close();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
        if (conn == null) {
            // The server itself failed: at start (cannot bind), or fatally. After a fatal error on
            // the selector thread the library stops the server from that thread, and that stop
            // waits for the thread itself to end: only the bound of our stop lets it return.
            if (started.getCount() == 0) {
                // Running until now: nobody waits for startFailure, and applications just lose the API.
                LOG.log(Level.ERROR, API_LOST, e);
            }
            startFailure = e;
            stopped();
            started.countDown();
        } else if (stopsTheServer(e)) {
            // A decoding thread's fatal error comes with its connection, and the library then stops
            // the whole server (the stop override cleans up): the same loss of the API as above.
            LOG.log(Level.ERROR, API_LOST, e);
        } else {
            LOG.log(Level.DEBUG, "websocket connection " + conn.getRemoteSocketAddress() + ": " + e.getMessage());
        }
    }

    /**
     * @return whether Java-WebSocket 1.6.0 stops the server after reporting {@code e} for a connection:
     *     its decoding threads wrap a {@link VirtualMachineError} or {@link LinkageError} in an
     *     {@code Exception} and stop the server, any other failure closes only that connection
     */
    private static boolean stopsTheServer(Exception e) {
        return e.getCause() instanceof VirtualMachineError || e.getCause() instanceof LinkageError;
    }

    /** Closes every connection (code 1001, going away) and stops listening; waits up to a second. */
    public void stopQuietly() {
        try {
            stop(1000, "client shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every {@code stop} of the library's comes here ({@code stop()} and {@code stop(int)} call this
     * one), also the one it makes itself after a fatal error in a decoding thread. A timeout of 0
     * (wait for the selector thread for ever, which {@code stop()} and that fatal-error stop ask for)
     * waits {@link #LONGEST_STOP_WAIT_MILLIS}: after a decoding thread's fatal error, Java-WebSocket
     * 1.6.0's selector thread can block for a buffer that the failed thread, now waiting in this very
     * stop, never gives back, and only the interrupt the library sends once this stop returns frees it;
     * after a fatal error on the selector thread, the library stops the server from that thread,
     * which would wait for itself.
     */
    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        handler.removeArrivalListener(arrivals); // no push queued while the connections close
        try {
            // The write check still runs: the close frames are sent too.
            super.stop(timeout > 0 ? timeout : LONGEST_STOP_WAIT_MILLIS, closeMessage);
        } finally {
            stopped();
        }
    }

    /** Ends what holds the server besides the library's own threads; idempotent. */
    private void stopped() {
        handler.removeArrivalListener(arrivals);
        lostWriteDemands.stop();
    }

    /** @return whether the write check has ended for good (tests) */
    boolean writeCheckStopped() {
        return lostWriteDemands.stopped();
    }
}
