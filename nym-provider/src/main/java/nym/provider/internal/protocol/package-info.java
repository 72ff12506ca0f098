/** The byte encodings of the client-provider protocol (docs/provider.md). Not exported. */
package nym.provider.internal.protocol;
