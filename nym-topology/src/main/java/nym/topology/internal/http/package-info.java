/**
 * The directory's HTTP plumbing on the JDK's {@code com.sun.net.httpserver}: routing, bounded body
 * reading, and JSON answers with one-line errors. Not exported.
 */
package nym.topology.internal.http;
