package nym.sphinx.internal.header;

import java.util.Arrays;

/**
 * One array per thread that holds every hop's ρ ‖ μ ‖ π while the sender builds a packet or SURB, so a
 * build costs no key arrays of its own (three per hop before). Used by {@link KeyMaterial} only.
 *
 * <p>Secret: {@link #release()} zeroes the used range; {@link KeyMaterial} calls it once the packet is
 * built and when derivation or building throws, so no key stays in the arena between builds.
 *
 * <p>A thread that builds a second packet before wiping the first one's keys (nothing in this module
 * does) gets a fresh arena for it, which is garbage afterwards: correct, only not cheaper.
 *
 * <p>Virtual threads: a {@code ThreadLocal} is per virtual thread, so each virtual thread allocates its
 * own arena on its first build (hops × 224 bytes, at most 1,120 for 5 hops) and drops it when it ends.
 * A virtual thread per packet therefore allocates one arena per packet, still one array instead of three
 * per hop; a long-lived virtual thread that builds many packets gets the full saving. The arena is never
 * shared between threads, so it needs no locking.
 */
final class KeyArena {
    private static final ThreadLocal<KeyArena> ARENA = ThreadLocal.withInitial(KeyArena::new);

    private byte[] bytes = new byte[0];
    private int used;
    private boolean busy;

    private KeyArena() {}

    /** @return this thread's arena with at least {@code length} bytes, zero, marked busy until released */
    static KeyArena acquire(int length) {
        KeyArena arena = ARENA.get();
        if (arena.busy) {
            arena = new KeyArena();
        }
        if (arena.bytes.length < length) {
            arena.bytes = new byte[length]; // the old array was zeroed by its last release
        }
        arena.used = length;
        arena.busy = true;
        return arena;
    }

    /** @return this thread's arena, for tests that check it is zero after a build */
    static KeyArena current() {
        return ARENA.get();
    }

    /** @return the array, shared: views write and read their ranges of it */
    byte[] bytes() {
        return bytes;
    }

    /** Zeroes the used range and frees the arena for the next build on this thread. */
    void release() {
        Arrays.fill(bytes, 0, used, (byte) 0);
        used = 0;
        busy = false;
    }
}
