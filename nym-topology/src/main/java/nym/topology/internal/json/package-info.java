/**
 * The directory's JSON documents, in the seed's exact shape, as records Jackson reads and writes,
 * and the one place that turns them into the model and back. Not exported; opened to Jackson only.
 *
 * <p>Reading is strict about types (no coercion of strings to numbers or numbers to strings),
 * lenient about unknown fields, and never throws an unchecked exception on bad input: every
 * failure is a {@link nym.topology.TopologyException}.
 */
package nym.topology.internal.json;
