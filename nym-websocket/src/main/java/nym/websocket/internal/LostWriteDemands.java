package nym.websocket.internal;

import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Gives write demands that Java-WebSocket lost back to its connections, every
 * {@value #CHECK_MILLIS} ms while the server runs.
 *
 * <p>Java-WebSocket 1.6.0 can strand a frame sent by any thread but its selector thread, and every
 * response of {@link ApiWebSocketServer} is sent from a connection's {@link RequestQueue} thread.
 * {@code send} queues the frame, then sets the connection's interest to read and write and wakes
 * the selector; if the selector is meanwhile in {@code doWrite} for that connection and has already
 * found its out-queue empty, it then sets the interest to read only. The frame stays queued until
 * something else is sent on that connection, and in this request-response protocol nothing is: the
 * application waits for an answer that never comes (a full build's test waited 10 s for one
 * response of 100, on two loaded cores). The check gives write interest back to every connection
 * with frames queued and none, so a stranded frame leaves that much later at most.
 * {@code LostWriteDemandTest} forces the race.
 *
 * <p>Why polling: the library has no hook after {@code doWrite} resets the interest. A check made
 * by the sending thread right after {@code send} can run before that reset, so the sender would
 * have to keep checking until its frame is written, holding its connection's thread for every
 * frame; and the selector thread, which could check at the right moment, runs library code only.
 *
 * <p>Thread-safe. The check holds the server, so it must stop on every way the server stops:
 * {@link #stop()} is idempotent, and a {@link #start()} after it does nothing.
 */
final class LostWriteDemands {
    private static final long CHECK_MILLIS = 10;

    private final WebSocketServer server;
    private final ScheduledExecutorService check = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("websocket-write-check").factory());

    LostWriteDemands(WebSocketServer server) {
        this.server = server;
    }

    /** Starts checking, unless {@link #stop()} came first (a server stopped while it started). */
    void start() {
        try {
            check.scheduleWithFixedDelay(this::restore, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopped already: nothing to check.
        }
    }

    /** Stops checking; the executor's thread ends and no longer holds the server. */
    void stop() {
        check.shutdownNow();
    }

    /** @return whether checks have stopped for good (no task left, the thread ended) */
    boolean stopped() {
        return check.isTerminated();
    }

    /** Sets read and write interest again on every connection with frames queued but no write interest. */
    private void restore() {
        try {
            for (WebSocket conn : server.getConnections()) {
                if (conn.hasBufferedData() && conn instanceof WebSocketImpl impl && lacksWriteInterest(impl)) {
                    server.onWriteDemand(conn);
                }
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep checking.
            ServerLogs.WEBSOCKET.log(Level.ERROR, "BUG: checking the websocket connections' writes failed", e);
        }
    }

    private static boolean lacksWriteInterest(WebSocketImpl conn) {
        SelectionKey key = conn.getSelectionKey();
        try {
            return key != null && (key.interestOps() & SelectionKey.OP_WRITE) == 0;
        } catch (CancelledKeyException e) {
            return false; // closed: nothing more will be written
        }
    }
}
