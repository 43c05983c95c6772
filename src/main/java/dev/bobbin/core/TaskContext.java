package dev.bobbin.core;

/**
 * Wraps every task on the reactor thread in a context (for CDI: a fresh request context). Both methods
 * are called on the reactor thread; {@link #deactivate()} only after {@link #activate()} returned
 * {@code true}.
 */
public interface TaskContext {
    /** No context at all. */
    TaskContext NONE = new TaskContext() {
        @Override
        public boolean activate() {
            return false;
        }

        @Override
        public void deactivate() {}
    };

    /**
     * Activates the context for one task.
     *
     * @return whether a context was activated (and must be deactivated)
     */
    boolean activate();

    /** Deactivates and destroys what {@link #activate()} activated. */
    void deactivate();

    /** Releases what the context holds, at stop. */
    default void close() {}
}
