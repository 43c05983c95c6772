package dev.bobbin;

/**
 * Thrown to a caller that waited for the reactor longer than its timeout. For {@link WaitFor} and
 * {@link EventualResult#awaitOrCancel} the work has been cancelled; for {@link EventualResult#await} it
 * goes on and a later {@code await} may still get its result.
 */
public class ReactorTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out and after how long
     */
    public ReactorTimeoutException(String message) {
        super(message);
    }
}
