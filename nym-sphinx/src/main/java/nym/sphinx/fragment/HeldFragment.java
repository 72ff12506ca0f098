package nym.sphinx.fragment;

import java.util.Arrays;

import nym.crypto.primitives.Sha256;

/**
 * What a pending set holds at one position: the fragment itself, or, for a detached reassembler
 * ({@link MessageReassembler.Builder#detached()}), only its header, the length and a digest of its
 * data, and the caller's handle to where the caller keeps it. Package-private helper of
 * {@link MessageReassembler}.
 */
final class HeldFragment {
    /** Bytes of data digest kept by a detached holder: enough to tell a contradicting fragment from a duplicate. */
    private static final int DIGEST_BYTES = 16;

    private final Fragment fragment;
    private final FragmentHeader header;
    private final int dataLength;
    private final byte[] digest;
    private final long handle;

    private HeldFragment(Fragment fragment, FragmentHeader header, int dataLength, byte[] digest, long handle) {
        this.fragment = fragment;
        this.header = header;
        this.dataLength = dataLength;
        this.digest = digest;
        this.handle = handle;
    }

    static HeldFragment attached(Fragment fragment) {
        return new HeldFragment(fragment, fragment.header(), fragment.dataLength(), null, 0);
    }

    static HeldFragment detached(Fragment fragment, long handle) {
        return new HeldFragment(null, fragment.header(), fragment.dataLength(), digestOf(fragment), handle);
    }

    private static byte[] digestOf(Fragment fragment) {
        return Arrays.copyOf(Sha256.digest(fragment.dataView()), DIGEST_BYTES);
    }

    FragmentHeader header() {
        return header;
    }

    /** @return whether {@code other} is this fragment again (same header and data) */
    boolean sameAs(Fragment other) {
        if (fragment != null) {
            return fragment.equals(other);
        }
        return header.equals(other.header()) && dataLength == other.dataLength()
                && Arrays.equals(digest, digestOf(other));
    }

    /**
     * @return what this counts against the reassembler's bound on bytes: the fragment's encoded
     *     length, or for a detached one {@link MessageReassembler#DETACHED_FRAGMENT_BYTES}
     */
    long heldBytes() {
        return fragment != null ? fragment.encodedLength() : MessageReassembler.DETACHED_FRAGMENT_BYTES;
    }

    int dataLength() {
        return dataLength;
    }

    /** @return the data, which only an attached holder has */
    byte[] dataView() {
        return fragment.dataView();
    }

    /** @return the caller's handle, which only a detached holder has */
    long handle() {
        return handle;
    }
}
