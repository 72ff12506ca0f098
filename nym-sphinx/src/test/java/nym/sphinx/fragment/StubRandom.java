package nym.sphinx.fragment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** A generator that answers {@code nextInt(bound)} with values given in advance, then fails. */
final class StubRandom implements RandomGenerator {
    private final Deque<Integer> values = new ArrayDeque<>();

    StubRandom(int... next) {
        for (int v : next) {
            values.add(v);
        }
    }

    @Override
    public int nextInt(int bound) {
        return values.remove();
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextInt(bound) is stubbed");
    }
}
