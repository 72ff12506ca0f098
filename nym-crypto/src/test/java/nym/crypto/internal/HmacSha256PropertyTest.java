package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import nym.crypto.primitives.Hkdf;

/**
 * Our allocation-free HMAC-SHA256 against the JCA's {@code Mac}, and the HKDF built on it against
 * Bouncy Castle's, for random keys (including keys longer than a block, which are hashed first),
 * messages and output lengths.
 */
class HmacSha256PropertyTest {
    @Property(tries = 300)
    void equalsTheJcaMac(@ForAll @Size(max = 200) byte[] key, @ForAll @Size(max = 300) byte[] data,
            @ForAll @IntRange(max = 32) int truncated) throws Exception {
        Mac jca = Mac.getInstance("HmacSHA256");
        // The JCA refuses an empty key; RFC 2104 pads it with zeros, as a one-byte zero key is padded.
        jca.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        byte[] expected = jca.doFinal(data);

        HmacSha256 mac = HmacSha256.forThisThread();
        byte[] ours = new byte[HmacSha256.LENGTH + 3];
        try {
            mac.init(key, 0, key.length).update(data, 0, data.length).doFinal(ours, 3);
            assertArrayEquals(expected, Arrays.copyOfRange(ours, 3, ours.length), "full");
            // The same key again, fed byte by byte, then truncated.
            mac.restart();
            for (byte b : data) {
                mac.update(b);
            }
            byte[] prefix = new byte[truncated];
            mac.doFinal(prefix, 0, truncated);
            assertArrayEquals(Arrays.copyOf(expected, truncated), prefix, "truncated");
        } finally {
            mac.wipe();
        }
    }

    @Property(tries = 200)
    void hkdfEqualsBouncyCastle(@ForAll @Size(max = 80) byte[] ikm, @ForAll @Size(max = 120) byte[] info,
            @ForAll @IntRange(min = 1, max = 600) int length) {
        HKDFBytesGenerator bc = new HKDFBytesGenerator(new SHA256Digest());
        bc.init(new HKDFParameters(ikm, null, info));
        byte[] expected = new byte[length];
        bc.generateBytes(expected, 0, length);

        assertArrayEquals(expected, Hkdf.deriveSha256(ikm, info, length));
        byte[] into = new byte[length + 5];
        Hkdf.deriveSha256(ikm, info, into, 5, length);
        assertArrayEquals(expected, Arrays.copyOfRange(into, 5, into.length));
    }

    @Property(tries = 50)
    void theThreadsSharedDigestCannotDisturbAnHmac(@ForAll @Size(min = 1, max = 64) byte[] key,
            @ForAll @Size(max = 100) byte[] data) throws Exception {
        Mac jca = Mac.getInstance("HmacSHA256");
        jca.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = jca.doFinal(data);

        HmacSha256 mac = HmacSha256.forThisThread();
        byte[] ours = new byte[HmacSha256.LENGTH];
        try {
            mac.init(key, 0, key.length).update(data, 0, data.length);
            MessageDigest shared = JcaInstances.sha256(); // what Sha256.digest uses, mid-MAC
            shared.update(data);
            shared.digest();
            mac.doFinal(ours, 0);
        } finally {
            mac.wipe();
        }
        assertArrayEquals(expected, ours);
    }
}
