/** Helpers shared by the module's packages. Not exported. */
package nym.topology.internal;
