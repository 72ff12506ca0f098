package nym.traffic.internal;

/**
 * A fixed-capacity open-addressing set of 128-bit values (two longs), with linear probing and at
 * most 50% load. Not thread-safe; the caller locks. The all-zero value is the empty slot marker and
 * is stored as a separate flag.
 */
public final class TagTable {
    private final long[] slots;
    private final int mask;
    private final int capacity;
    private int size;
    private boolean hasZero;

    /** @param capacity the most values it will be asked to hold */
    public TagTable(int capacity) {
        int slotCount = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        this.slots = new long[slotCount * 2];
        this.mask = slotCount - 1;
        this.capacity = capacity;
    }

    /** @return whether the value is present */
    public boolean contains(long high, long low) {
        if (high == 0 && low == 0) {
            return hasZero;
        }
        for (int i = index(high, low); ; i = (i + 1) & mask) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == 0 && l == 0) {
                return false;
            }
            if (h == high && l == low) {
                return true;
            }
        }
    }

    /**
     * Adds a value that is not present.
     *
     * @throws IllegalStateException if the table already holds its capacity
     */
    public void add(long high, long low) {
        if (size >= capacity) {
            throw new IllegalStateException("BUG: tag table over capacity " + capacity);
        }
        size++;
        if (high == 0 && low == 0) {
            hasZero = true;
            return;
        }
        int i = index(high, low);
        while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = high;
        slots[2 * i + 1] = low;
    }

    /** @return values held */
    public int size() {
        return size;
    }

    /** What {@link #forEach} hands each value to. */
    @FunctionalInterface
    public interface TagConsumer {
        void accept(long high, long low);
    }

    /** Hands every value held to {@code consumer}, in no particular order. */
    public void forEach(TagConsumer consumer) {
        if (hasZero) {
            consumer.accept(0, 0);
        }
        for (int i = 0; i <= mask; i++) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h != 0 || l != 0) {
                consumer.accept(h, l);
            }
        }
    }

    /** Removes every value. */
    public void clear() {
        java.util.Arrays.fill(slots, 0L);
        size = 0;
        hasZero = false;
    }

    private int index(long high, long low) {
        long mixed = high * 0x9E3779B97F4A7C15L ^ low;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
