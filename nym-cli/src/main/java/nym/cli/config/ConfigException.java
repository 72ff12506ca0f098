package nym.cli.config;

/** A configuration file or option that cannot be used; the message is one line naming the problem. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line, naming the file, key or option */
    public ConfigException(String message) {
        super(message);
    }

    /** @param message one line, naming the file, key or option */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
