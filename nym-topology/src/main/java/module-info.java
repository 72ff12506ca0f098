/**
 * The mixnet topology: mix nodes by layer, providers with their registered clients, route selection,
 * and the directory's HTTP JSON API in the seed's shape (a server on the JDK's HTTP server and a
 * client on {@code java.net.http}).
 *
 * <p>Only the model ({@code nym.topology}) and the directory's entry points
 * ({@code nym.topology.directory}) are exported; the JSON documents and HTTP plumbing stay internal.
 */
module nym.topology {
    requires transitive nym.crypto; // public keys appear in the topology model
    requires com.fasterxml.jackson.databind; // the directory's JSON, kept out of the API
    requires java.net.http; // DirectoryClient
    requires jdk.httpserver; // DirectoryServer

    exports nym.topology;
    exports nym.topology.directory;

    opens nym.topology.internal.json to com.fasterxml.jackson.databind; // DTO records
}
