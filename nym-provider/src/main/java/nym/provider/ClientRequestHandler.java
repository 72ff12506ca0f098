package nym.provider;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import nym.crypto.CryptoException;
import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.provider.client.AuthToken;
import nym.provider.internal.protocol.ClientFrames;
import nym.provider.internal.protocol.ClientProtocol;
import nym.provider.internal.protocol.RegistrationProof;
import nym.provider.internal.protocol.SecureChannel;
import nym.provider.store.InboxStore;
import nym.provider.store.StoredMessage;
import nym.sphinx.route.DestinationAddress;

/**
 * Serves one client connection: requests in order until the client closes it or a request is
 * refused, which gets one error frame and closes the connection. Nothing is stored or deleted for a
 * refused request.
 */
final class ClientRequestHandler {
    private static final System.Logger LOG = System.getLogger(ClientRequestHandler.class.getName());

    private final Duration stepDeadline;
    private final X25519PrivateKey key;
    /** The key pair the channel's handshake uses, its public half computed once. */
    private final X25519KeyPair channelKey;
    private final InboxStore store;
    private final ProviderMetrics metrics;
    private final SecureRandom random = new SecureRandom();
    private final int maxClients;

    /**
     * @param stepDeadline how long a connection may take over the channel's handshake, or over a
     *     frame once begun ({@link ConnectionDeadline})
     */
    ClientRequestHandler(X25519PrivateKey key, InboxStore store, ProviderMetrics metrics, int maxClients,
            Duration stepDeadline) {
        this.stepDeadline = stepDeadline;
        this.maxClients = maxClients;
        this.key = key;
        this.channelKey = X25519KeyPair.of(key);
        this.store = store;
        this.metrics = metrics;
    }

    void serve(Socket socket) {
        ConnectionDeadline deadline = new ConnectionDeadline(socket, stepDeadline);
        try (socket;
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()))) {
            SecureChannel channel;
            deadline.started();
            try {
                channel = SecureChannel.provider(in, out, channelKey, random);
            } catch (ProviderException e) {
                // Nothing can be said back: the peer shares no keys with this provider.
                metrics.rejectedRequests.increment();
                LOG.log(Level.INFO, "refused a client connection: " + e.getMessage());
                return;
            } finally {
                deadline.finished();
            }
            if (channel == null) {
                return;
            }
            channel.watchFrames(deadline);
            ClientFrames.Frame request;
            while ((request = readOrRefuse(channel)) != null) {
                try {
                    answer(request, channel);
                } catch (ProviderException e) {
                    refuse(channel, e);
                    return;
                }
            }
        } catch (IOException e) {
            if (deadline.fired()) {
                metrics.rejectedRequests.increment();
                LOG.log(Level.INFO, "closed a client connection that took over " + deadline.limit().toSeconds()
                        + " s over its handshake or a frame");
            } else {
                LOG.log(Level.DEBUG, "client connection ended: " + e.getMessage());
            }
        }
    }

    private ClientFrames.Frame readOrRefuse(SecureChannel channel) throws IOException {
        try {
            return channel.read(ClientFrames.MAX_REQUEST_LENGTH);
        } catch (ProviderException e) {
            refuse(channel, e);
            return null;
        }
    }

    private void answer(ClientFrames.Frame request, SecureChannel out) throws ProviderException, IOException {
        switch (request.type()) {
            case ClientProtocol.REGISTER -> {
                AuthToken token = register(ClientProtocol.readRegister(request.body()));
                out.write(ClientProtocol.REGISTERED, ClientProtocol.registered(token));
            }
            case ClientProtocol.PULL -> {
                ClientProtocol.Authenticated auth = authenticate(request.body());
                List<StoredMessage> batch = store.peek(auth.address(), ClientProtocol.readPullMax(auth.rest()));
                out.write(ClientProtocol.MESSAGES, ClientProtocol.messages(batch));
                metrics.pulled.add(batch.size());
            }
            case ClientProtocol.ACK -> {
                ClientProtocol.Authenticated auth = authenticate(request.body());
                int deleted = store.acknowledge(auth.address(), ClientProtocol.readAckIds(auth.rest()));
                metrics.acknowledged.add(deleted);
                out.write(ClientProtocol.ACKED, ClientProtocol.acked(deleted));
            }
            default -> throw new ProviderException(ProviderException.Reason.MALFORMED,
                    "unknown request type " + request.type());
        }
    }

    private AuthToken register(ClientProtocol.Register request) throws ProviderException {
        try {
            X25519PublicKey client = X25519PublicKey.fromBytes(request.address().toByteArray());
            RegistrationProof.verify(key.sharedSecret(client.toGroupElement()), request.address().toByteArray(),
                    request.nonce(), request.proof());
        } catch (CryptoException e) {
            throw new ProviderException(ProviderException.Reason.UNAUTHORIZED, "registration proof did not verify");
        }
        synchronized (this) {
            if (store.tokenOf(request.address()).isEmpty() && store.registeredClients().size() >= maxClients) {
                throw new ProviderException(ProviderException.Reason.FULL, "this provider registers no more clients");
            }
            byte[] fresh = new byte[AuthToken.LENGTH];
            random.nextBytes(fresh);
            return store.register(request.address(), AuthToken.fromBytes(fresh));
        }
    }

    private ClientProtocol.Authenticated authenticate(byte[] body) throws ProviderException {
        ClientProtocol.Authenticated auth = ClientProtocol.readAuthenticated(body);
        DestinationAddress address = auth.address();
        Optional<AuthToken> expected = store.tokenOf(address);
        if (expected.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.UNKNOWN_CLIENT, "client is not registered here");
        }
        if (!expected.get().equalsSecret(auth.token())) {
            throw new ProviderException(ProviderException.Reason.UNAUTHORIZED, "wrong auth token");
        }
        return auth;
    }

    private void refuse(SecureChannel channel, ProviderException e) throws IOException {
        metrics.rejectedRequests.increment();
        LOG.log(Level.INFO, "refused a client request: " + e.getMessage());
        channel.write(ClientProtocol.ERROR, ClientProtocol.error(e));
    }
}
