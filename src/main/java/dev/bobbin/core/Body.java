package dev.bobbin.core;

/** The work of one call, run on the reactor thread: an interceptor's {@code proceed()} or a user's lambda. */
@FunctionalInterface
public interface Body {
    /**
     * Runs the work.
     *
     * @return what it returned
     * @throws Exception what it threw
     */
    Object proceed() throws Exception;
}
