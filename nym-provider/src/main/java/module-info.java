/**
 * The store-and-forward provider, the last hop of every route: it unwraps the final Sphinx layer,
 * stores each message durably for its registered owner, and hands it over when the owner pulls and
 * acknowledges it. Also the client side of registration and pulls.
 */
module nym.provider {
    requires transitive nym.traffic; // packets, node keys and the transport appear in the API
    requires java.sql;
    requires org.xerial.sqlitejdbc; // the durable inbox; the driver is found by JDBC's service lookup

    exports nym.provider;
    exports nym.provider.client;
    exports nym.provider.store;
}
