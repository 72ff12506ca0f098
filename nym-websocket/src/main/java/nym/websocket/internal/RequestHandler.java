package nym.websocket.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nym.websocket.ClientPortException;
import nym.websocket.Fetched;
import nym.websocket.MixnetClientPort;
import nym.websocket.internal.json.Request;
import nym.websocket.internal.json.Response;

/**
 * The one place that answers a request, for the WebSocket and the TCP socket alike: parse, dispatch
 * to the {@link MixnetClientPort}, write the response JSON. Every failure becomes an
 * {@code {"type":"error","message":"..."}} response; nothing a client sends makes it throw.
 *
 * <p>Thread-safe if the port is (the port's contract says it is).
 */
public final class RequestHandler {
    /** The reply to a WebSocket Binary frame (the seed: "all Binary data will be rejected"). */
    public static final String BINARY_FRAME_ERROR = "binary frames are not supported: send text JSON";

    private static final System.Logger LOG = System.getLogger(RequestHandler.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The answer to {@code subscribe} where nothing can be pushed. */
    static final String NO_PUSH_ERROR = "subscribe works on the WebSocket only: the TCP socket sends nothing but answers";

    private final MixnetClientPort client;
    private final boolean pushes;
    private final RequestParser parser = new RequestParser();

    /** A handler for a socket that only answers requests (the TCP socket): {@code subscribe} is an error. */
    public RequestHandler(MixnetClientPort client) {
        this(client, false);
    }

    /**
     * @param pushes whether the socket pushes received messages to connections that
     *     {@code subscribe} (the WebSocket); if not, {@code subscribe} is answered with an error
     */
    public RequestHandler(MixnetClientPort client, boolean pushes) {
        this.client = Objects.requireNonNull(client, "client");
        this.pushes = pushes;
    }

    /**
     * A response and what to confirm once it is sent.
     *
     * @param json the response, one line
     * @param fetched the messages it carries, to confirm as delivered or not; null for other responses
     * @param subscribed whether it answers a {@code subscribe}: the connection wants pushes from now on
     */
    public record Reply(String json, Fetched fetched, boolean subscribed) {
        /** A reply that is not to a {@code subscribe}. */
        public Reply(String json, Fetched fetched) {
            this(json, fetched, false);
        }

        /** Reports whether the response reached the connection. */
        public void sent(boolean handedToConnection) {
            if (fetched != null) {
                if (handedToConnection) {
                    fetched.delivered();
                } else {
                    fetched.undelivered();
                }
            }
        }
    }

    /** @return the response JSON (one line) to the request JSON {@code text}, taken as sent */
    public String handle(String text) {
        Reply reply = answer(text);
        reply.sent(true);
        return reply.json();
    }

    /** @return the response to the request JSON {@code text}; the caller reports whether it was sent */
    public Reply answer(String text) {
        Response response;
        Fetched[] fetched = {null};
        try {
            response = dispatch(parser.parse(text), fetched);
        } catch (RequestException e) {
            response = new Response.Error(e.getMessage());
        } catch (ClientPortException e) {
            response = new Response.Error(RequestException.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "BUG: the client failed on a local API request", e);
            response = new Response.Error("internal error in the client: see its log");
        }
        return new Reply(write(response), fetched[0], response instanceof Response.Subscribe);
    }

    /**
     * The next messages for a subscribed connection, taken from the client's buffer as a fetch takes
     * them; the caller reports whether they were sent.
     *
     * @return the {@code received} push, or null if no message waits or the buffer cannot be read (logged:
     *     a push answers no request, so it has no error to send)
     */
    public Reply push() {
        Fetched batch;
        try {
            batch = fetchBatch();
        } catch (ClientPortException e) {
            LOG.log(Level.WARNING, "cannot push received messages, they stay for a later push or fetch: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "BUG: the client failed to hand out messages to push", e);
            return null;
        }
        if (batch.messages().isEmpty()) {
            batch.undelivered();
            return null;
        }
        return new Reply(write(new Response.Received(batch.messages(), batch.replySurbs())), batch);
    }

    /** Runs {@code listener} whenever messages may have arrived in the client's buffer. */
    public void onArrival(Runnable listener) {
        client.onArrival(listener);
    }

    /** Stops running {@code listener}, registered with {@link #onArrival}. */
    public void removeArrivalListener(Runnable listener) {
        client.removeArrivalListener(listener);
    }

    /** @return the error response JSON carrying {@code message} (made one line) */
    public static String error(String message) {
        return write(new Response.Error(RequestException.oneLine(message)));
    }

    private Response dispatch(Request request, Fetched[] fetched) throws RequestException, ClientPortException {
        return switch (request) {
            case Request.Send send -> send(send);
            case Request.Fetch fetch -> {
                Fetched batch = fetchBatch();
                fetched[0] = batch;
                yield new Response.Fetch(batch.messages(), batch.replySurbs());
            }
            case Request.GetClients clients -> new Response.GetClients(nonNull(client.clients(), "clients"));
            case Request.OwnDetails details -> new Response.OwnDetails(client.ownAddress());
            case Request.Reply reply -> {
                Utf8.length(reply.message(), "message"); // refuses what UTF-8 cannot carry, as send does
                client.reply(reply.replySurb(), reply.message());
                yield new Response.Reply();
            }
            case Request.Subscribe subscribe -> {
                if (!pushes) {
                    throw new RequestException(NO_PUSH_ERROR);
                }
                yield new Response.Subscribe();
            }
        };
    }

    private Fetched fetchBatch() throws ClientPortException {
        Fetched batch = client.fetch();
        if (batch == null) {
            throw new IllegalStateException("BUG: MixnetClientPort.fetch() returned null");
        }
        nonNull(batch.messages(), "fetch");
        List<String> surbs = batch.replySurbs();
        if (surbs == null || !surbs.isEmpty() && surbs.size() != batch.messages().size()) {
            throw new IllegalStateException("BUG: MixnetClientPort.fetch() gave reply SURBs that do not match its messages");
        }
        return batch;
    }

    private Response send(Request.Send send) throws RequestException, ClientPortException {
        long bytes = Utf8.length(send.message(), "message");
        int max = client.maxMessageBytes();
        if (bytes > max) {
            throw new RequestException("message is " + bytes + " bytes (UTF-8), over the maximum of " + max + " bytes");
        }
        client.send(send.recipientAddress(), send.message(), send.withReplySurb());
        return new Response.Send();
    }

    private static List<String> nonNull(List<String> list, String method) {
        if (list == null) {
            throw new IllegalStateException("BUG: MixnetClientPort." + method + "() returned null");
        }
        return list;
    }

    private static String write(Response response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("BUG: cannot write " + response.type() + " response", e);
        }
    }
}
