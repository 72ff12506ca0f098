package nym.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.keys.X25519PrivateKey;

/**
 * The batch multiplications equal the one-by-one ones for every list length: empty, below the lane
 * group (scalar ladder), a partial and a full lane group, and several groups with a remainder.
 */
class BatchMultiplicationPropertyTest {
    /** Lanes are used only once the warm-up has measured that they pay (docs/performance.md). */
    @BeforeContainer
    static void compileAndMeasureTheLanes() {
        GroupElement.warmUpBatches();
    }

    @Property(tries = 60)
    void multiplyEachEqualsMultiply(@ForAll("encodings") List<byte[]> points, @ForAll("encodings") List<byte[]> keys)
            throws CryptoException {
        int n = Math.min(points.size(), keys.size());
        List<GroupElement> elements = new ArrayList<>();
        List<Scalar> scalars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            elements.add(GroupElement.fromBytes(points.get(i)));
            scalars.add(Scalar.fromBytesModOrder(keys.get(i)));
        }
        List<GroupElement> batch = GroupElement.multiplyEach(elements, scalars);
        assertEquals(n, batch.size());
        for (int i = 0; i < n; i++) {
            assertEquals(elements.get(i).multiply(scalars.get(i)), batch.get(i), "pair " + i);
        }
    }

    @Property(tries = 60)
    void sharedSecretsEqualSharedSecret(@ForAll("encodings") List<byte[]> peers, @ForAll("bytes32") byte[] key)
            throws CryptoException {
        X25519PrivateKey privateKey = X25519PrivateKey.fromBytes(key);
        List<GroupElement> elements = new ArrayList<>();
        for (byte[] peer : peers) {
            elements.add(GroupElement.fromBytes(peer));
        }
        List<SharedSecret> batch = privateKey.sharedSecrets(elements);
        assertEquals(elements.size(), batch.size());
        for (int i = 0; i < elements.size(); i++) {
            assertArrayEquals(privateKey.sharedSecret(elements.get(i)).toBytes(SecretAccess.insecureGrant()),
                    batch.get(i).toBytes(SecretAccess.insecureGrant()), "peer " + i);
        }
    }

    @Example
    void listsOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> GroupElement.multiplyEach(List.of(GroupElement.BASE_POINT), List.of()));
    }

    @Provide
    Arbitrary<List<byte[]>> encodings() {
        return bytes32().list().ofMinSize(0).ofMaxSize(21);
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }
}
