package nym.topology.internal.http;

import nym.topology.TopologyException;

/** One method on one path: turns a request body (empty for GET) into a reply, or refuses it. */
@FunctionalInterface
interface Endpoint {
    Reply handle(byte[] body) throws TopologyException;
}
