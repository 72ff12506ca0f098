package nym.topology.internal;

/** Safe echoes of untrusted text in one-line messages. */
public final class Text {
    private Text() {}

    /** @return {@code text} cut to {@code max} characters (marked "...") with control characters as '?' */
    public static String printable(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
