package nym.websocket.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the WebSocket server keeps per connection: the queue its requests are answered on, and
 * whether it asked for received messages to be pushed. At most one push waits in the queue at a
 * time, so arrivals that come faster than the connection reads add no work.
 *
 * <p>Thread-safe.
 */
final class ApiConnection {
    private final RequestQueue requests;
    private volatile boolean subscribed;
    private final AtomicBoolean pushQueued = new AtomicBoolean();

    ApiConnection(RequestQueue requests) {
        this.requests = requests;
    }

    RequestQueue requests() {
        return requests;
    }

    /** The connection's {@code subscribe} was answered: pushes may follow. */
    void subscribe() {
        subscribed = true;
    }

    /** @return whether a push should be queued now: subscribed, and none queued yet */
    boolean claimPush() {
        return subscribed && pushQueued.compareAndSet(false, true);
    }

    /** The queued push runs: messages that arrive from now on need another one. */
    void pushStarted() {
        pushQueued.set(false);
    }
}
