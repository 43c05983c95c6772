package dev.bobbin.core;

import java.time.Duration;

/** Argument checks shared by the API implementations; each returns its (converted) argument. */
public final class Checks {
    /** Longer waits are "forever"; half of the range keeps {@code nanoTime} arithmetic clear of overflow. */
    static final long FOREVER_NANOS = Long.MAX_VALUE >> 1;

    private Checks() {}

    /**
     * Converts a wait to nanoseconds, saturating huge durations.
     *
     * @param timeout the caller's timeout
     * @param what the API member, for the message
     * @return the timeout in nanoseconds, {@code >= 0}
     */
    static long waitNanos(Duration timeout, String what) {
        if (timeout == null) {
            throw Messages.nullTimeout(what);
        }
        if (timeout.isNegative()) {
            throw Messages.negativeTimeout(what, timeout);
        }
        return saturatedNanos(timeout);
    }

    /**
     * Like {@link #waitNanos} but {@link Duration#ZERO} is refused too.
     *
     * @param timeout the caller's timeout
     * @param what the API member, for the message
     * @return the timeout in nanoseconds, {@code > 0}
     */
    public static long positiveNanos(Duration timeout, String what) {
        if (timeout == null) {
            throw Messages.nullTimeout(what);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw Messages.nonPositiveTimeout(what, timeout);
        }
        return saturatedNanos(timeout);
    }

    static long saturatedNanos(Duration duration) {
        if (duration.compareTo(Duration.ofNanos(FOREVER_NANOS)) >= 0) {
            return FOREVER_NANOS;
        }
        return duration.toNanos();
    }

    /**
     * Checks a reference argument.
     *
     * @param value the argument
     * @param what the API member
     * @param argument the argument's name
     * @param <T> its type
     * @return {@code value}
     */
    public static <T> T notNull(T value, String what, String argument) {
        if (value == null) {
            throw Messages.nullArgument(what, argument);
        }
        return value;
    }
}
