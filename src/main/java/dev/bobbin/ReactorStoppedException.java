package dev.bobbin;

/**
 * Thrown when the application's reactor has stopped (or is stopping): new calls fail with it at once,
 * and every result still pending when the reactor stopped completes with it.
 */
public class ReactorStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused or interrupted by the stop
     */
    public ReactorStoppedException(String message) {
        super(message);
    }
}
