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

    private final MixnetClientPort client;
    private final RequestParser parser = new RequestParser();

    public RequestHandler(MixnetClientPort client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * A response and what to confirm once it is sent.
     *
     * @param json the response, one line
     * @param fetched the messages it carries, to confirm as delivered or not; null for other responses
     */
    public record Reply(String json, Fetched fetched) {
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
        return new Reply(write(response), fetched[0]);
    }

    /** @return the error response JSON carrying {@code message} (made one line) */
    public static String error(String message) {
        return write(new Response.Error(RequestException.oneLine(message)));
    }

    private Response dispatch(Request request, Fetched[] fetched) throws RequestException, ClientPortException {
        return switch (request) {
            case Request.Send send -> send(send);
            case Request.Fetch fetch -> {
                Fetched batch = client.fetch();
                if (batch == null) {
                    throw new IllegalStateException("BUG: MixnetClientPort.fetch() returned null");
                }
                fetched[0] = batch;
                yield new Response.Fetch(nonNull(batch.messages(), "fetch"));
            }
            case Request.GetClients clients -> new Response.GetClients(nonNull(client.clients(), "clients"));
            case Request.OwnDetails details -> new Response.OwnDetails(client.ownAddress());
        };
    }

    private Response send(Request.Send send) throws RequestException, ClientPortException {
        long bytes = Utf8.length(send.message(), "message");
        int max = client.maxMessageBytes();
        if (bytes > max) {
            throw new RequestException("message is " + bytes + " bytes (UTF-8), over the maximum of " + max + " bytes");
        }
        client.send(send.recipientAddress(), send.message());
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
