package dev.bobbin.core;

/**
 * What an interceptor needs to know about one intercepted method, computed once (at the first call) so
 * that no call does reflection or builds strings.
 */
public final class MethodPlan {
    final String what;
    final boolean waitFor;
    final boolean isVoid;
    /** A primitive return type: the {@code null} placeholder of a hand-over fails to unbox in the body. */
    final boolean primitiveReturn;

    final long timeoutNanos;
    final String timeoutText;
    private final Class<?>[] declaredExceptions;
    private final String definitionError;

    MethodPlan(
            String what,
            boolean waitFor,
            boolean isVoid,
            boolean primitiveReturn,
            long timeoutNanos,
            String timeoutText,
            Class<?>[] declaredExceptions,
            String definitionError) {
        this.what = what;
        this.waitFor = waitFor;
        this.isVoid = isVoid;
        this.primitiveReturn = primitiveReturn;
        this.timeoutNanos = timeoutNanos;
        this.timeoutText = timeoutText;
        this.declaredExceptions = declaredExceptions;
        this.definitionError = definitionError;
    }

    /**
     * The method as messages name it, {@code Class#method(Type)}.
     *
     * @return the description
     */
    public String what() {
        return what;
    }

    /**
     * The definition error of this method, when the container did not report it at deployment.
     *
     * @return the message, or {@code null} for a valid method
     */
    public String definitionError() {
        return definitionError;
    }

    boolean declares(Throwable failure) {
        for (Class<?> declared : declaredExceptions) {
            if (declared.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return (waitFor ? "@WaitFor " : "@RunInReactor ") + what;
    }
}
