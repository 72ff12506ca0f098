package nym.traffic.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import nym.sphinx.SphinxPacket;
import nym.traffic.transport.PacketFrames;

/**
 * One persistent connection to a next hop: a bounded queue and a virtual thread that connects,
 * writes frames, flushes when the queue runs dry, and reconnects with exponential backoff.
 */
public final class OutboundConnection {
    private static final System.Logger LOG = System.getLogger(OutboundConnection.class.getName());
    private static final long INITIAL_BACKOFF_MILLIS = 50;

    private final InetSocketAddress peer;
    private final BlockingQueue<SphinxPacket> queue;
    private final Duration connectTimeout;
    private final Duration maxBackoff;
    private final AtomicLong sent;
    private final AtomicLong droppedWriteFailed;
    private final Thread writer;
    private volatile boolean closed;
    private volatile Socket socket;

    /** Starts the writer thread. Counters are shared with the owning sender. */
    public OutboundConnection(InetSocketAddress peer, int capacity, Duration connectTimeout, Duration maxBackoff,
            AtomicLong sent, AtomicLong droppedWriteFailed) {
        this.peer = peer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.connectTimeout = connectTimeout;
        this.maxBackoff = maxBackoff;
        this.sent = sent;
        this.droppedWriteFailed = droppedWriteFailed;
        this.writer = Thread.ofVirtual().name("packet-send-" + peer).start(this::run);
    }

    /** @return false if the queue is full */
    public boolean offer(SphinxPacket packet) {
        return queue.offer(packet);
    }

    /** @return packets waiting */
    public int queued() {
        return queue.size();
    }

    /** Stops the writer and closes the socket. */
    public void close() {
        closed = true;
        writer.interrupt();
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing connection to " + peer + ": " + e.getMessage());
            }
        }
    }

    private void run() {
        long backoff = INITIAL_BACKOFF_MILLIS;
        while (!closed) {
            try (Socket connection = new Socket()) {
                connection.setTcpNoDelay(true);
                connection.connect(peer, (int) connectTimeout.toMillis());
                socket = connection;
                backoff = INITIAL_BACKOFF_MILLIS;
                writeUntilFailure(new BufferedOutputStream(connection.getOutputStream(), 64 * 1024));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.INFO, "connection to " + peer + " failed (" + e.getMessage() + "), retrying in "
                            + backoff + " ms");
                }
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
    }

    /** Writes batches: everything queued, then one flush; a failed batch counts as lost. */
    private void writeUntilFailure(OutputStream out) throws IOException, InterruptedException {
        while (!closed) {
            SphinxPacket packet = queue.poll(1, TimeUnit.SECONDS);
            int batch = 0;
            try {
                while (packet != null) {
                    PacketFrames.write(out, packet);
                    batch++;
                    packet = queue.poll();
                }
                out.flush();
                sent.addAndGet(batch);
            } catch (IOException e) {
                droppedWriteFailed.addAndGet(batch + (packet == null ? 0 : 1)); // the batch, and the packet being written
                throw e;
            }
        }
    }
}
