package nym.sphinx.fragment;

import java.util.Arrays;
import java.util.Objects;

/**
 * One piece of a message as it travels in one Sphinx packet: a {@link FragmentHeader} followed by
 * part (or all) of the message. {@link #toBytes()} is what goes into the packet;
 * {@link #fromBytes(byte[])} reads it back.
 *
 * <p>Immutable and thread-safe: data is copied in and out. Parsing checks the header completely
 * but not the data length, which depends on the capacity of the packets in use; the
 * {@link MessageReassembler} checks that against its capacity. Equality compares header and data.
 */
public final class Fragment {
    private final FragmentHeader header;
    private final byte[] data;

    /** Takes {@code data} without copying: only for arrays no one else holds. */
    private Fragment(FragmentHeader header, byte[] data) {
        this.header = header;
        this.data = data;
    }

    /**
     * @param header not null
     * @param data not null, copied
     * @return a fragment with this header and data
     */
    public static Fragment of(FragmentHeader header, byte[] data) {
        return new Fragment(Objects.requireNonNull(header, "header"), data.clone());
    }

    /** Package-internal: wraps an array the caller just made and hands over. */
    static Fragment wrapOwned(FragmentHeader header, byte[] ownedData) {
        return new Fragment(header, ownedData);
    }

    /**
     * Reads a fragment: a header of 1, 7 or 10 bytes, then data to the end of {@code bytes}.
     *
     * @param bytes the fragment, copied; null counts as empty
     * @return the fragment
     * @throws FragmentException with {@code TRUNCATED} if the header is incomplete, or
     *     {@code MALFORMED_HEADER} if it breaks a rule of {@link FragmentHeader}
     */
    public static Fragment fromBytes(byte[] bytes) throws FragmentException {
        byte[] input = bytes == null ? new byte[0] : bytes;
        FragmentHeader header = FragmentHeader.read(input);
        return new Fragment(header, Arrays.copyOfRange(input, header.length(), input.length));
    }

    /** @return a new array: header bytes followed by data, {@link #encodedLength()} long */
    public byte[] toBytes() {
        byte[] out = new byte[encodedLength()];
        header.writeTo(out, 0);
        System.arraycopy(data, 0, out, header.length(), data.length);
        return out;
    }

    /** @return this fragment's header */
    public FragmentHeader header() {
        return header;
    }

    /** @return a copy of the message bytes this fragment carries */
    public byte[] data() {
        return data.clone();
    }

    /** Package-internal: the data array itself, never to be modified or handed out. */
    byte[] dataView() {
        return data;
    }

    /** @return bytes of message data in this fragment */
    public int dataLength() {
        return data.length;
    }

    /** @return bytes of {@link #toBytes()}: header length plus data length */
    public int encodedLength() {
        return header.length() + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fragment f && header.equals(f.header) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(data);
    }

    /** @return the header and the data length, never the data */
    @Override
    public String toString() {
        return "Fragment[" + header + ", " + data.length + " data bytes]";
    }
}
