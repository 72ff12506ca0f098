package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import nym.websocket.ClientPortException;
import nym.websocket.FakeClientPort;
import nym.websocket.Fetched;
import nym.websocket.Fixtures;

class RequestHandlerTest {
    private final FakeClientPort client = new FakeClientPort();
    private final RequestHandler handler = new RequestHandler(client);

    @Test
    void answersTheSeedExamplesExactly() {
        List<String> failures = new ArrayList<>();
        for (JsonNode testCase : Fixtures.cases("seed-examples.json")) {
            String expected = testCase.get("response").toString();
            String actual = handler.handle(Fixtures.request(testCase));
            if (!expected.equals(actual)) {
                failures.add(testCase.get("comment").textValue() + ": expected " + expected + ", got " + actual);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void answersEveryBadRequestWithOneErrorLine() {
        List<String> failures = new ArrayList<>();
        for (JsonNode testCase : Fixtures.cases("error-cases.json")) {
            String response = handler.handle(Fixtures.request(testCase));
            String failure = ErrorCases.check(testCase, response);
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of(), client.sent(), "no bad request reaches the client");
    }

    @Test
    void acceptsAMessageOfExactlyTheMaximum() {
        String message = "x".repeat(FakeClientPort.MAX_MESSAGE_BYTES);
        String response = handler.handle(sendRequest(message));
        assertEquals("{\"type\":\"send\"}", response);
        assertEquals(List.of(new FakeClientPort.Sent(FakeClientPort.OWN_ADDRESS, message)), client.sent());
    }

    @Test
    void passesAClientErrorOnAsOneLine() {
        RequestHandler failing = new RequestHandler(new FakeClientPort() {
            @Override
            public Fetched fetch() throws ClientPortException {
                throw new ClientPortException("store unreadable:\nline two");
            }
        });
        assertEquals("{\"type\":\"error\",\"message\":\"store unreadable: line two\"}",
                failing.handle("{\"type\":\"fetch\"}"));
    }

    @Test
    void turnsABugInTheClientIntoAnErrorNotACrash() {
        RequestHandler buggy = new RequestHandler(new FakeClientPort() {
            @Override
            public List<String> clients() {
                return null;
            }
        });
        assertEquals("{\"type\":\"error\",\"message\":\"internal error in the client: see its log\"}",
                buggy.handle("{\"type\":\"getClients\"}"));
    }

    @Test
    void capsLongErrorMessages() {
        String response = handler.handle("{\"type\":\"" + "x".repeat(1000) + "\"}");
        String message = Fixtures.parse(response).get("message").textValue();
        assertEquals(RequestException.MAX_LENGTH, message.length());
        assertTrue(message.endsWith("..."));
    }

    static String sendRequest(String message) {
        return "{\"type\":\"send\",\"message\":\"" + message + "\",\"recipient_address\":\""
                + FakeClientPort.OWN_ADDRESS + "\"}";
    }

    @Test
    void subscribeIsAnsweredOnlyWhereMessagesCanBePushed() {
        RequestHandler.Reply pushing = new RequestHandler(client, true).answer("{\"type\":\"subscribe\"}");
        assertEquals("{\"type\":\"subscribe\"}", pushing.json());
        assertTrue(pushing.subscribed());
        RequestHandler.Reply answering = handler.answer("{\"type\":\"subscribe\"}");
        assertEquals("{\"type\":\"error\",\"message\":\"" + RequestHandler.NO_PUSH_ERROR + "\"}", answering.json());
        assertFalse(answering.subscribed());
        assertFalse(handler.answer("{\"type\":\"fetch\"}").subscribed());
    }

    @Test
    void aPushCarriesWhatWaitsAndNothingWhenNothingDoes() {
        RequestHandler pushing = new RequestHandler(client, true);
        assertNull(pushing.push(), "no frame when the buffer is empty");
        client.deliver("one");
        client.deliver("two");
        assertEquals("{\"type\":\"received\",\"messages\":[\"one\",\"two\"]}", pushing.push().json());
        assertNull(pushing.push());
    }

    @Test
    void fetchedMessagesAreConfirmedOnlyWhenTheReplyWasSent() {
        List<String> calls = new java.util.ArrayList<>();
        RequestHandler handler = new RequestHandler(new FakeClientPort() {
            @Override
            public Fetched fetch() {
                return new Fetched() {
                    @Override
                    public List<String> messages() {
                        return List.of("kept until sent");
                    }

                    @Override
                    public void delivered() {
                        calls.add("delivered");
                    }

                    @Override
                    public void undelivered() {
                        calls.add("undelivered");
                    }
                };
            }
        });
        RequestHandler.Reply lost = handler.answer("{\"type\":\"fetch\"}");
        assertEquals("{\"type\":\"fetch\",\"messages\":[\"kept until sent\"]}", lost.json());
        assertEquals(List.of(), calls, "nothing is confirmed before the reply is sent");
        lost.sent(false);
        handler.answer("{\"type\":\"fetch\"}").sent(true);
        assertEquals(List.of("undelivered", "delivered"), calls);
        handler.answer("{\"type\":\"ownDetails\"}").sent(true);
        assertEquals(2, calls.size(), "other replies confirm nothing");
    }
}
