package nym.topology.internal.http;

import nym.topology.TopologyException;

/** The statuses the directory answers with, and which refusal maps to which. */
final class HttpStatus {
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int PAYLOAD_TOO_LARGE = 413;
    static final int TOO_MANY_REQUESTS = 429;
    static final int INTERNAL_ERROR = 500;

    private HttpStatus() {}

    /** @return the status for a request refused for {@code reason} */
    static int of(TopologyException.Reason reason) {
        return switch (reason) {
            case MALFORMED, INVALID_VALUE -> BAD_REQUEST;
            case TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case FULL -> TOO_MANY_REQUESTS;
            case EMPTY_LAYER, UNKNOWN_CLIENT, UNREACHABLE, REJECTED, BAD_RESPONSE -> INTERNAL_ERROR;
        };
    }
}
