package nym.provider.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PublicKey;
import nym.provider.ProviderException;
import nym.provider.internal.protocol.ClientFrames;
import nym.provider.internal.protocol.ClientProtocol;
import nym.provider.internal.protocol.RegistrationProof;
import nym.provider.internal.protocol.SecureChannel;
import nym.provider.store.StoredMessage;
import nym.sphinx.SphinxException;
import nym.sphinx.route.DestinationAddress;

/**
 * A client's connection to its provider: register once, then pull and acknowledge. A message stays
 * at the provider until it is acknowledged, so a client that stores what it pulled before
 * acknowledging loses nothing if it crashes in between (it may see a message twice).
 *
 * <p>Not thread-safe: one request at a time on one connection.
 */
public final class ProviderClient implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final SecureChannel channel;

    private ProviderClient(Socket socket, SecureChannel channel) {
        this.socket = socket;
        this.channel = channel;
    }

    /**
     * Connects and opens the encrypted channel ({@code docs/provider.md}, "The channel").
     *
     * @param provider the provider's client listener
     * @param providerKey the provider's public key, as the topology lists it: only its holder can
     *     answer the handshake
     * @param timeout for connecting and for each response
     * @throws ProviderException with {@code UNREACHABLE} if it cannot connect, {@code UNAUTHORIZED}
     *     if the other side does not hold {@code providerKey}
     */
    public static ProviderClient connect(InetSocketAddress provider, X25519PublicKey providerKey, Duration timeout)
            throws ProviderException {
        Socket socket = new Socket();
        try {
            socket.connect(provider, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SecureChannel channel = SecureChannel.client(
                    new DataInputStream(new BufferedInputStream(socket.getInputStream())),
                    new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())), providerKey, RANDOM);
            return new ProviderClient(socket, channel);
        } catch (IOException | ProviderException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already failing.
            }
            if (e instanceof ProviderException refused) {
                throw new ProviderException(refused.reason(), "at " + provider + ": "
                        + refused.getMessage().substring("provider: ".length()), e);
            }
            throw new ProviderException(ProviderException.Reason.UNREACHABLE, "cannot reach provider at " + provider
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Registers {@code client}, proving it holds the private key of its address.
     *
     * @param providerKey the provider's Sphinx public key, from the topology
     * @return the client's token (the same on every registration)
     */
    public AuthToken register(X25519KeyPair client, X25519PublicKey providerKey) throws ProviderException {
        DestinationAddress address = address(client.publicKey());
        byte[] nonce = new byte[RegistrationProof.NONCE_LENGTH];
        new SecureRandom().nextBytes(nonce);
        byte[] proof = RegistrationProof.compute(client.privateKey().sharedSecret(providerKey.toGroupElement()),
                address.toByteArray(), nonce);
        byte[] body = exchange(ClientProtocol.REGISTER, ClientProtocol.register(address, nonce, proof),
                ClientProtocol.REGISTERED);
        return AuthToken.fromBytes(body);
    }

    /** @return up to {@code max} (1 to 1000) of the oldest messages waiting; nothing is removed */
    public List<StoredMessage> pull(DestinationAddress me, AuthToken token, int max) throws ProviderException {
        return ClientProtocol.readMessages(exchange(ClientProtocol.PULL, ClientProtocol.pull(me, token, max),
                ClientProtocol.MESSAGES));
    }

    /** Deletes these messages at the provider; @return how many were deleted */
    public int acknowledge(DestinationAddress me, AuthToken token, List<Long> ids) throws ProviderException {
        return ClientProtocol.readAcked(exchange(ClientProtocol.ACK, ClientProtocol.ack(me, token, ids),
                ClientProtocol.ACKED));
    }

    /** @return the destination address of a client's public key */
    public static DestinationAddress address(X25519PublicKey key) {
        try {
            return DestinationAddress.fromBytes(key.toByteArray());
        } catch (SphinxException e) {
            throw new IllegalStateException("BUG: public key length differs from address length", e);
        }
    }

    private byte[] exchange(int type, byte[] body, int expectedType) throws ProviderException {
        try {
            channel.write(type, body);
            ClientFrames.Frame response = channel.read(ClientFrames.MAX_RESPONSE_LENGTH);
            if (response == null) {
                throw new ProviderException(ProviderException.Reason.UNREACHABLE, "provider closed the connection");
            }
            if (response.type() == ClientProtocol.ERROR) {
                throw ClientProtocol.readError(response.body());
            }
            if (response.type() != expectedType) {
                throw new ProviderException(ProviderException.Reason.MALFORMED, "unexpected response type "
                        + response.type());
            }
            return response.body();
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Reason.UNREACHABLE, "provider connection failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do with a failed close.
        }
    }
}
