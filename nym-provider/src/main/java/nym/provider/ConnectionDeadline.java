package nym.provider;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import nym.provider.internal.protocol.SecureChannel;

/**
 * Closes a client connection that takes longer than {@code limit} over one step: the channel's
 * handshake, or a frame once its first byte has come. The socket's idle timeout bounds each read,
 * not a step, so a peer that sends a byte now and then would otherwise hold its slot for good.
 * Waiting between frames is not a step: a client may keep a connection open and idle.
 */
final class ConnectionDeadline implements SecureChannel.FrameWatch {
    /** One daemon thread for every provider of the JVM. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("provider-connection-deadline").factory());

    private final Socket socket;
    private final Duration limit;
    private volatile ScheduledFuture<?> pending;
    private volatile boolean fired;

    ConnectionDeadline(Socket socket, Duration limit) {
        this.socket = socket;
        this.limit = limit;
    }

    /** A step begins: the connection is closed if it has not ended within the limit. */
    @Override
    public void started() {
        pending = TIMER.schedule(this::fire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The step ended in time. */
    @Override
    public void finished() {
        ScheduledFuture<?> step = pending;
        if (step != null) {
            step.cancel(false);
        }
    }

    /** @return whether the connection was closed for being late */
    boolean fired() {
        return fired;
    }

    Duration limit() {
        return limit;
    }

    private void fire() {
        fired = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a late connection: nothing more to do.
        }
    }
}
