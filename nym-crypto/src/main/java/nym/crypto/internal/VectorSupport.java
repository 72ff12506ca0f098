package nym.crypto.internal;

import java.util.Optional;

/**
 * Whether {@link LaneLadder} may run: the incubating {@code jdk.incubator.vector} module is resolved
 * and readable (the JVM was started with {@code --add-modules jdk.incubator.vector}), its preferred
 * vectors hold at least four 64-bit lanes, and {@code -Dnym.crypto.lanes=false} does not turn it
 * off. Without the module nothing here touches a Vector API class.
 */
public final class VectorSupport {
    /** The system property that turns the lane-parallel ladder off when set to {@code false}. */
    public static final String PROPERTY = "nym.crypto.lanes";
    private static final String MODULE = "jdk.incubator.vector";
    private static final int MIN_LANES = 4;
    private static final boolean AVAILABLE = detect();

    private VectorSupport() {}

    /** @return true when batches should take the lane-parallel ladder */
    public static boolean lanesAvailable() {
        return AVAILABLE;
    }

    /** @return the pairs one lane-parallel ladder multiplies, or 1 when it is not available */
    public static int lanes() {
        return AVAILABLE ? LaneLadder.LANES : 1;
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return false;
        }
        Optional<Module> vector = ModuleLayer.boot().findModule(MODULE);
        if (vector.isEmpty() || !VectorSupport.class.getModule().canRead(vector.get())) {
            return false;
        }
        return LaneField.LANES >= MIN_LANES;
    }
}
