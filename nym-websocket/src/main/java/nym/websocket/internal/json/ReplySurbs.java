package nym.websocket.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The {@code reply_surbs} of a response: empty, or one entry (null for none) per message. */
final class ReplySurbs {
    private ReplySurbs() {}

    /** @return an unmodifiable copy, empty if no entry is non-null */
    static List<String> copy(List<String> replySurbs, int messages) {
        if (replySurbs.stream().allMatch(Objects::isNull)) {
            return List.of();
        }
        if (replySurbs.size() != messages) {
            throw new IllegalArgumentException("BUG: " + replySurbs.size() + " reply SURBs for " + messages + " messages");
        }
        return Collections.unmodifiableList(new ArrayList<>(replySurbs));
    }
}
