package nym.sphinx.fragment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import nym.sphinx.SphinxGeometry;

/** Round trips for any length and arrival order; arbitrary bytes give a value or a FragmentException. */
class FragmentPropertiesTest {
    private static final int DEFAULT_CAPACITY = SphinxGeometry.DEFAULT.maxMessageLength();

    @Property(tries = 40)
    void anyMessageUpTo1MiBSurvivesAnyArrivalOrder(@ForAll("upTo1MiB") int length, @ForAll long seed)
            throws FragmentException {
        roundTrip(DEFAULT_CAPACITY, length, seed);
    }

    /** Uniform lengths, so that most tries cross the one-set limit (255 000 bytes); edge cases add 0 and the ends. */
    @Provide
    Arbitrary<Integer> upTo1MiB() {
        return Arbitraries.integers().between(0, (1 << 20) + 4096).withDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 100)
    void smallCapacitiesMakeLongChainsOfLinkedSets(@ForAll @IntRange(min = 11, max = 64) int capacity,
            @ForAll @IntRange(min = 0, max = 60_000) int length, @ForAll long seed) throws FragmentException {
        roundTrip(capacity, length, seed);
    }

    @Property(tries = 1000)
    void arbitraryBytesParseToAFragmentThatReencodesExactlyOrFail(@ForAll("fragmentLike") byte[] bytes) {
        try {
            Fragment fragment = Fragment.fromBytes(bytes);
            assertArrayEquals(bytes, fragment.toBytes());
        } catch (FragmentException e) {
            assertNotNull(e.reason());
            assertTrue(e.getMessage().startsWith("fragment: "));
        }
    }

    @Property(tries = 200)
    void arbitraryBytesFedToAReassemblerGiveAValueOrAFragmentException(
            @ForAll @Size(max = 40) List<@From("fragmentLike") byte[]> inputs) {
        MessageReassembler reassembler = MessageReassembler.builder(new MutableClock()).capacity(16)
                .maxPendingSets(8).maxBufferedBytes(256).expiry(Duration.ofSeconds(1)).build();
        for (byte[] input : inputs) {
            try {
                Optional<byte[]> message = reassembler.accept(input);
                assertNotNull(message);
            } catch (FragmentException e) {
                assertNotNull(e.reason());
            }
            assertTrue(reassembler.bufferedBytes() <= 256 && reassembler.pendingSets() <= 8);
        }
    }

    /** Bytes biased towards valid headers: small set ids, totals and positions, flags set or not. */
    @Provide
    Arbitrary<byte[]> fragmentLike() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
        Arbitrary<byte[]> headerish = Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(24)
                .map(values -> {
                    byte[] b = new byte[values.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (byte) (i == 0 || i == 6 ? values.get(i) * 0x40 : values.get(i));
                    }
                    return b;
                });
        return Arbitraries.oneOf(random, headerish);
    }

    private static void roundTrip(int capacity, int length, long seed) throws FragmentException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] message = new byte[length];
        random.nextBytes(message);
        MessageSplitter splitter = MessageSplitter.create(capacity, random);
        List<Fragment> fragments = new ArrayList<>(splitter.split(message));
        for (int i = 0; i < fragments.size(); i++) {
            int encoded = fragments.get(i).toBytes().length;
            assertTrue(encoded <= capacity, "fragment " + i + " has " + encoded + " bytes");
        }
        Collections.shuffle(fragments, new Random(seed));
        MessageReassembler reassembler = MessageReassembler.builder(new MutableClock()).capacity(capacity)
                .maxBufferedBytes(MessageReassembler.Builder.MAX_BUFFERED_BYTES).build();
        Optional<byte[]> result = Optional.empty();
        for (int i = 0; i < fragments.size(); i++) {
            assertTrue(result.isEmpty(), "message complete before its last fragment");
            result = reassembler.accept(fragments.get(i).toBytes());
        }
        assertArrayEquals(message, result.orElseThrow());
        assertEquals(0, reassembler.pendingSets());
        assertEquals(0, reassembler.bufferedBytes());
    }
}
