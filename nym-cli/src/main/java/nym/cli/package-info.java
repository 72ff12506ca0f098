/** The launchers of the jlink image, one {@code main} each. */
package nym.cli;
