package nym.websocket.internal;

/** UTF-8 length of a Java string, refusing what UTF-8 cannot encode (a lone surrogate). */
final class Utf8 {
    private Utf8() {}

    /**
     * @return how many bytes {@code text} takes in UTF-8
     * @throws RequestException if {@code field} holds an unpaired surrogate (possible through a
     *     JSON {@code \ud800} escape), which would otherwise be replaced silently by {@code ?}
     */
    static long length(String text, String field) throws RequestException {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RequestException("field \"" + field + "\" is not valid Unicode: unpaired surrogate at char " + i);
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
