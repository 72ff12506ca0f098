package nym.topology.internal.http;

/**
 * What an endpoint answers: a status and a body of a media type, or no body ({@code null}, for 204).
 *
 * @param status the HTTP status
 * @param body the document, or null for none
 * @param contentType the body's {@code Content-Type}; JSON unless a page is served
 */
record Reply(int status, byte[] body, String contentType) {
    static final int OK = 200;
    static final int NO_CONTENT = 204;
    static final String JSON = "application/json; charset=utf-8";

    /** A JSON reply. */
    Reply(int status, byte[] body) {
        this(status, body, JSON);
    }

    static Reply ok(byte[] json) {
        return new Reply(OK, json);
    }

    static Reply noContent() {
        return new Reply(NO_CONTENT, null);
    }
}
