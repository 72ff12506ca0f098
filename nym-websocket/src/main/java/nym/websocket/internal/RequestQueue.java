package nym.websocket.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One connection's requests, answered in arrival order on the connection's own virtual thread, so
 * the WebSocket library's shared reading threads never wait on the client. Bounded by count and by
 * queued chars: {@link #offer} returns {@code false} when full, and the caller closes the
 * connection (the seed's protocol has no request ids, so a dropped request would shift every later
 * response onto the wrong request).
 *
 * <p>Thread-safe: one producer (the reading thread) and the one worker thread.
 */
final class RequestQueue implements AutoCloseable {
    /** Most requests waiting per connection. */
    static final int MAX_REQUESTS = 256;

    private record Task(long chars, Runnable work) {}

    private final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(MAX_REQUESTS);
    private final long maxChars;
    private final Thread worker;
    private long queuedChars; // guarded by this

    /** @param maxChars most request chars waiting at once */
    RequestQueue(String name, long maxChars) {
        this.maxChars = maxChars;
        this.worker = Thread.ofVirtual().name(name).start(this::run);
    }

    /**
     * Queues {@code work} (answering one request of {@code chars} chars; it must not throw).
     *
     * @return {@code false} if the queue is full by count or chars; nothing was queued
     */
    boolean offer(long chars, Runnable work) {
        synchronized (this) {
            if (queuedChars + chars > maxChars) {
                return false;
            }
            queuedChars += chars;
        }
        Task task = new Task(chars, work);
        if (!tasks.offer(task)) {
            release(task);
            return false;
        }
        return true;
    }

    private void run() {
        try {
            while (true) {
                Task task = tasks.take();
                release(task);
                task.work().run();
            }
        } catch (InterruptedException e) {
            // close(): the connection is gone.
        }
    }

    private synchronized void release(Task task) {
        queuedChars -= task.chars();
    }

    /** Stops the worker; queued requests are dropped (their connection is closed). */
    @Override
    public void close() {
        worker.interrupt();
    }
}
