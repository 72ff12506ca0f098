package nym.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;

/**
 * {@link Scalar#sharedSecretWithKnownKey} (cached fixed-base tables) against
 * {@link Scalar#sharedSecretWith} (the ladder), for public keys, for any 32 bytes as a point (twist
 * points take the ladder), with the cache bounded and shared between threads.
 */
class KnownKeyPropertyTest {
    @Property(tries = 200)
    void equalsTheLadderForPublicKeys(@ForAll("bytes32") byte[] secret, @ForAll("bytes32") byte[] k,
            @ForAll boolean clamped) throws CryptoException {
        GroupElement key = GroupElement.multiplyBase(Scalar.fromBytesClamped(secret));
        Scalar scalar = clamped ? Scalar.fromBytesClamped(k) : Scalar.fromBytesModOrder(k);
        assertSame(scalar.sharedSecretWith(key), scalar.sharedSecretWithKnownKey(key));
        assertSame(scalar.sharedSecretWith(key), scalar.sharedSecretWithKnownKey(key)); // cached
    }

    /** Any 32 bytes, on the curve or on the twist: the same result either way. */
    @Property(tries = 200)
    void anyPointEqualsTheLadder(@ForAll("bytes32") byte[] u, @ForAll("bytes32") byte[] k)
            throws CryptoException {
        GroupElement point = GroupElement.fromBytes(u);
        Scalar scalar = Scalar.fromBytesModOrder(k);
        assertSame(scalar.sharedSecretWith(point), scalar.sharedSecretWithKnownKey(point));
    }

    @Example
    void cacheIsBoundedAndThreadSafe() throws Exception {
        List<GroupElement> keys = new ArrayList<>();
        for (int i = 0; i < FixedBaseTables.CAPACITY + 40; i++) {
            byte[] secret = new byte[32];
            secret[0] = (byte) i;
            secret[1] = (byte) (i >>> 8);
            keys.add(GroupElement.multiplyBase(Scalar.fromBytesClamped(secret)));
        }
        Scalar scalar = Scalar.fromBytesModOrder(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (GroupElement key : keys) {
                        assertSame(scalar.sharedSecretWith(key), scalar.sharedSecretWithKnownKey(key));
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(FixedBaseTables.size() <= FixedBaseTables.CAPACITY);
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    private static void assertSame(SharedSecret expected, SharedSecret actual) {
        assertArrayEquals(expected.toBytes(SecretAccess.insecureGrant()),
                actual.toBytes(SecretAccess.insecureGrant()));
    }
}
