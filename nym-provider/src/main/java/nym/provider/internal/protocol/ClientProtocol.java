package nym.provider.internal.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nym.crypto.SecretAccess;
import nym.provider.ProviderException;
import nym.provider.client.AuthToken;
import nym.provider.store.StoredMessage;
import nym.sphinx.SphinxException;
import nym.sphinx.route.DestinationAddress;

/**
 * The messages of the client-provider protocol and their bodies (docs/provider.md). Every decoder
 * checks lengths exactly and throws {@link ProviderException} with {@code MALFORMED}.
 */
public final class ClientProtocol {
    /** Request: address (32) ‖ nonce (16) ‖ proof (16). */
    public static final int REGISTER = 0x01;
    /** Request: address (32) ‖ token (32) ‖ max (u16). */
    public static final int PULL = 0x02;
    /** Request: address (32) ‖ token (32) ‖ count (u16) ‖ ids (u64 each). */
    public static final int ACK = 0x03;
    /** Response: token (32). */
    public static final int REGISTERED = 0x81;
    /** Response: count (u16) ‖ per message: id (u64) ‖ length (u16) ‖ payload. */
    public static final int MESSAGES = 0x82;
    /** Response: deleted (u16). */
    public static final int ACKED = 0x83;
    /**
     * Response: reason code (u8, the ordinal of {@link ProviderException.Reason}) ‖ a one-line UTF-8
     * reason; the provider closes the connection after it.
     */
    public static final int ERROR = 0xFF;

    /** The most messages one pull returns and one acknowledgement names. */
    public static final int MAX_BATCH = 1000;

    private static final int CREDENTIALS_LENGTH = DestinationAddress.LENGTH + AuthToken.LENGTH;

    private ClientProtocol() {}

    /** A registration request. */
    public record Register(DestinationAddress address, byte[] nonce, byte[] proof) {}

    /** Credentials and the rest of a pull or acknowledgement. */
    public record Authenticated(DestinationAddress address, AuthToken token, ByteBuffer rest) {}

    public static byte[] register(DestinationAddress address, byte[] nonce, byte[] proof) {
        return ByteBuffer.allocate(DestinationAddress.LENGTH + nonce.length + proof.length)
                .put(address.toByteArray()).put(nonce).put(proof).array();
    }

    public static Register readRegister(byte[] body) throws ProviderException {
        expectLength(body, DestinationAddress.LENGTH + RegistrationProof.NONCE_LENGTH + RegistrationProof.LENGTH);
        ByteBuffer in = ByteBuffer.wrap(body);
        return new Register(address(in), bytes(in, RegistrationProof.NONCE_LENGTH), bytes(in, RegistrationProof.LENGTH));
    }

    public static byte[] pull(DestinationAddress address, AuthToken token, int max) {
        return credentials(address, token, 2).putShort((short) max).array();
    }

    public static byte[] ack(DestinationAddress address, AuthToken token, List<Long> ids) {
        ByteBuffer out = credentials(address, token, 2 + Long.BYTES * ids.size()).putShort((short) ids.size());
        ids.forEach(out::putLong);
        return out.array();
    }

    /** Reads the address and token at the start of a pull or acknowledgement. */
    public static Authenticated readAuthenticated(byte[] body) throws ProviderException {
        if (body.length < CREDENTIALS_LENGTH + 2) {
            throw malformed("request too short: " + body.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        DestinationAddress address = address(in);
        AuthToken token = AuthToken.fromBytes(bytes(in, AuthToken.LENGTH));
        return new Authenticated(address, token, in.slice());
    }

    public static int readPullMax(ByteBuffer rest) throws ProviderException {
        if (rest.remaining() != 2) {
            throw malformed("pull must end with a 2-byte count");
        }
        int max = Short.toUnsignedInt(rest.getShort());
        if (max < 1 || max > MAX_BATCH) {
            throw malformed("pull count " + max + " outside 1.." + MAX_BATCH);
        }
        return max;
    }

    public static List<Long> readAckIds(ByteBuffer rest) throws ProviderException {
        if (rest.remaining() < 2) {
            throw malformed("acknowledgement lacks its count");
        }
        int count = Short.toUnsignedInt(rest.getShort());
        if (count > MAX_BATCH || rest.remaining() != count * Long.BYTES) {
            throw malformed("acknowledgement of " + count + " ids has " + rest.remaining() + " bytes of ids");
        }
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(rest.getLong());
        }
        return ids;
    }

    public static byte[] messages(List<StoredMessage> messages) {
        int length = 2;
        for (StoredMessage message : messages) {
            length += Long.BYTES + 2 + message.payload().length;
        }
        ByteBuffer out = ByteBuffer.allocate(length).putShort((short) messages.size());
        for (StoredMessage message : messages) {
            byte[] payload = message.payload();
            out.putLong(message.id()).putShort((short) payload.length).put(payload);
        }
        return out.array();
    }

    public static List<StoredMessage> readMessages(byte[] body) throws ProviderException {
        ByteBuffer in = ByteBuffer.wrap(body);
        if (in.remaining() < 2) {
            throw malformed("message batch lacks its count");
        }
        int count = Short.toUnsignedInt(in.getShort());
        List<StoredMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < Long.BYTES + 2) {
                throw malformed("message batch truncated at message " + i);
            }
            long id = in.getLong();
            int length = Short.toUnsignedInt(in.getShort());
            if (in.remaining() < length) {
                throw malformed("message batch truncated inside message " + i);
            }
            out.add(new StoredMessage(id, bytes(in, length)));
        }
        if (in.hasRemaining()) {
            throw malformed("message batch has " + in.remaining() + " trailing bytes");
        }
        return out;
    }

    public static byte[] registered(AuthToken token) {
        return token.toBytes(SecretAccess.insecureGrant());
    }

    public static byte[] acked(int deleted) {
        return ByteBuffer.allocate(2).putShort((short) deleted).array();
    }

    public static int readAcked(byte[] body) throws ProviderException {
        expectLength(body, 2);
        return Short.toUnsignedInt(ByteBuffer.wrap(body).getShort());
    }

    public static byte[] error(ProviderException refusal) {
        byte[] text = refusal.getMessage().replaceFirst("^provider: ", "").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[1 + text.length];
        body[0] = (byte) refusal.reason().ordinal();
        System.arraycopy(text, 0, body, 1, text.length);
        return body;
    }

    /** @return the refusal an error response carries */
    public static ProviderException readError(byte[] body) {
        ProviderException.Reason[] reasons = ProviderException.Reason.values();
        int code = body.length == 0 ? -1 : body[0] & 0xFF;
        ProviderException.Reason reason = code >= 0 && code < reasons.length ? reasons[code]
                : ProviderException.Reason.MALFORMED;
        String text = body.length == 0 ? "" : new String(body, 1, body.length - 1, StandardCharsets.UTF_8);
        return new ProviderException(reason, "refused: " + text);
    }

    private static ByteBuffer credentials(DestinationAddress address, AuthToken token, int extra) {
        return ByteBuffer.allocate(CREDENTIALS_LENGTH + extra).put(address.toByteArray())
                .put(token.toBytes(SecretAccess.insecureGrant()));
    }

    private static DestinationAddress address(ByteBuffer in) throws ProviderException {
        try {
            return DestinationAddress.fromBytes(bytes(in, DestinationAddress.LENGTH));
        } catch (SphinxException e) {
            throw malformed("bad client address");
        }
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    private static void expectLength(byte[] body, int expected) throws ProviderException {
        if (body.length != expected) {
            throw malformed("body must be " + expected + " bytes, got " + body.length);
        }
    }

    private static ProviderException malformed(String message) {
        return new ProviderException(ProviderException.Reason.MALFORMED, message);
    }
}
