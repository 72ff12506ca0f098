package nym.topology.internal.http;

/**
 * What an endpoint answers: a status and a JSON body, or no body ({@code null}, for 204).
 *
 * @param status the HTTP status
 * @param body the JSON document, or null for none
 */
record Reply(int status, byte[] body) {
    static final int OK = 200;
    static final int NO_CONTENT = 204;

    static Reply ok(byte[] json) {
        return new Reply(OK, json);
    }

    static Reply noContent() {
        return new Reply(NO_CONTENT, null);
    }
}
