package dev.bobbin.core;

import java.util.concurrent.CompletionException;

/**
 * A failed outcome. Immutable, and the only object a result stores for its failure, so every observer
 * sees the same instances: the original {@link #cause} and the one exception that is rethrown.
 */
final class Failure {
    /** The failure as the work failed, or the cancellation / stop exception. */
    final Throwable cause;
    /** {@link #cause} itself when unchecked, else one {@link CompletionException} made once for all. */
    final Throwable thrown;
    /** Whether Bobbin caused it (cancel, timeout, stop): such outcomes are never logged as unobserved. */
    final boolean ours;

    Failure(Throwable cause, boolean ours) {
        this.cause = cause;
        this.thrown =
                (cause instanceof RuntimeException || cause instanceof Error) ? cause : new CompletionException(cause);
        this.ours = ours;
    }

    /** Throws {@link #thrown}: always unchecked. */
    RuntimeException rethrow() {
        if (thrown instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) thrown;
    }
}
