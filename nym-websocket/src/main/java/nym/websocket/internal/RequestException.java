package nym.websocket.internal;

/**
 * A request that cannot be carried out; its message becomes the {@code "message"} of an
 * {@code {"type":"error"}} response, so it is one line and never longer than {@link #MAX_LENGTH}.
 */
final class RequestException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Longest error message sent back, in chars; longer ones are cut with "...". */
    static final int MAX_LENGTH = 300;

    RequestException(String message) {
        super(oneLine(message));
    }

    /** @return {@code text} with line breaks and other control characters as spaces, capped */
    static String oneLine(String text) {
        String flat = text == null ? "unknown error" : text.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH - 3) + "...";
    }
}
