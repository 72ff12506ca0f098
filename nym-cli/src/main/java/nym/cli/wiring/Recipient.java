package nym.cli.wiring;

import java.util.Optional;

import nym.crypto.CryptoException;
import nym.crypto.keys.X25519PublicKey;
import nym.provider.client.ProviderClient;
import nym.sphinx.route.DestinationAddress;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.websocket.ClientPortException;

/** A parsed recipient: its address and its provider. */
record Recipient(DestinationAddress address, ProviderInfo provider) {
    /**
     * Reads "address" or "address@provider" (both base58) and finds the provider in the topology.
     *
     * @throws ClientPortException with one line for a malformed or unknown address
     */
    static Recipient parse(String text, Topology topology) throws ClientPortException {
        String[] parts = text.strip().split("@", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            throw new ClientPortException("malformed recipient address: " + text);
        }
        DestinationAddress address;
        try {
            address = ProviderClient.address(X25519PublicKey.fromBase58(parts[0]));
        } catch (CryptoException e) {
            throw new ClientPortException("malformed recipient address: " + text);
        }
        Optional<ProviderInfo> provider = parts.length == 2 ? topology.providerByKey(parts[1])
                : topology.providerOf(parts[0]);
        if (provider.isEmpty()) {
            throw new ClientPortException(parts.length == 2 ? "unknown provider " + parts[1]
                    : "unknown recipient " + parts[0] + ": not registered at any provider in the topology");
        }
        return new Recipient(address, provider.get());
    }
}
