package nym.cli.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import nym.cli.config.ConfigException;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.ProviderException;
import nym.provider.client.AuthToken;
import nym.provider.client.ProviderClient;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.directory.DirectoryClient;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.TransportException;

/** Choosing a provider from the topology and registering a client there. */
final class ClientProviders {
    private ClientProviders() {}

    /** @return the provider with public key {@code wanted}, or a random one if null */
    static ProviderInfo choose(DirectoryClient directory, String wanted, RandomGenerator random)
            throws ConfigException {
        Topology topology;
        try {
            topology = directory.fetchTopology();
        } catch (TopologyException e) {
            throw new ConfigException("cannot read the topology from " + directory.baseUri() + ": " + e.getMessage());
        }
        if (wanted != null) {
            Optional<ProviderInfo> provider = topology.providerByKey(wanted);
            return provider.orElseThrow(() -> new ConfigException("provider " + wanted + " is not in the topology of "
                    + directory.baseUri()));
        }
        List<ProviderInfo> providers = topology.providers();
        if (providers.isEmpty()) {
            throw new ConfigException("the directory at " + directory.baseUri() + " knows no provider yet");
        }
        return providers.get(random.nextInt(providers.size()));
    }

    /** @return the token {@code provider} issues to {@code keys} */
    static AuthToken register(ProviderInfo provider, X25519KeyPair keys) throws ConfigException {
        try (ProviderClient client = ProviderClient.connect(NodeAddresses.parseHost(provider.clientHost()), provider.publicKey(),
                Duration.ofSeconds(10))) {
            return client.register(keys, provider.publicKey());
        } catch (ProviderException | TransportException e) {
            throw new ConfigException("cannot register at provider " + provider.publicKey().toBase58() + ": "
                    + e.getMessage());
        }
    }
}
