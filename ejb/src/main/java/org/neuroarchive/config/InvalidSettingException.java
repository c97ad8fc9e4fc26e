package org.neuroarchive.config;

/** A setting whose value cannot work; its message names the key, its environment variable and why. */
public class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
