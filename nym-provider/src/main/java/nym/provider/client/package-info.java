/** The client side of the provider protocol: registration, pulls, acknowledgements, auth tokens. */
package nym.provider.client;
