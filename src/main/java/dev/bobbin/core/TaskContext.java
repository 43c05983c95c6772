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

    /**
     * The context for tasks on a reactor thread Bobbin owns, where nothing but Bobbin's tasks runs: it may
     * stay active between tasks, as long as every task still finds it fresh. By default the same context.
     *
     * @return the context for Bobbin's own reactor thread
     */
    default TaskContext onOwnThread() {
        return this;
    }

    /** Called on Bobbin's own reactor thread when its loop ends: ends what stayed active between tasks. */
    default void release() {}

    /** Releases what the context holds, at stop. */
    default void close() {}
}
