package nym.topology;

/**
 * The mix layers of the network. A route crosses exactly one mix of each layer, in order
 * {@link #FIRST}, {@link #SECOND}, {@link #THIRD}, and then a provider.
 */
public final class Layer {
    /** The layer a client sends to. */
    public static final int FIRST = 1;
    /** The middle layer. */
    public static final int SECOND = 2;
    /** The layer that forwards to providers. */
    public static final int THIRD = 3;
    /** How many layers there are; layers are numbered {@code 1..COUNT}. */
    public static final int COUNT = 3;

    private Layer() {}

    /** @return whether {@code layer} is one of {@code 1..COUNT} */
    public static boolean isValid(int layer) {
        return layer >= FIRST && layer <= COUNT;
    }
}
