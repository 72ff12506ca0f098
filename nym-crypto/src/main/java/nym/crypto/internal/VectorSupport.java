package nym.crypto.internal;

import java.util.Optional;

/**
 * Whether {@link LaneLadder} can run at all: the incubating {@code jdk.incubator.vector} module is
 * resolved and readable (the JVM was started with {@code --add-modules jdk.incubator.vector}), its
 * preferred vectors hold at least four 64-bit lanes, and {@code -Dnym.crypto.lanes=false} does not
 * turn it off. Without the module nothing here touches a Vector API class. Whether the lanes also
 * pay on this JVM is {@link LadderBatch#warmUp}'s measurement.
 */
public final class VectorSupport {
    /** The system property that turns the lane-parallel ladder off when set to {@code false}. */
    public static final String PROPERTY = "nym.crypto.lanes";
    private static final String MODULE = "jdk.incubator.vector";
    private static final int MIN_LANES = 4;
    private static final boolean AVAILABLE = detect();

    private VectorSupport() {}

    /** @return true when the lane-parallel ladder can run (whether it pays is measured apart) */
    public static boolean lanesAvailable() {
        return AVAILABLE;
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
