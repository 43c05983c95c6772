package dev.bobbin.core;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Knows which threads must not wait: any Bobbin reactor thread (of any application) and threads that
 * Mutiny says must not block (e.g. a Vert.x event loop).
 */
final class ReactorThreads {
    /**
     * Marks the threads that are running Bobbin reactor work: set for the whole life of a thread of
     * Bobbin's own, and around each task on a loop the application brought. Per thread, so it is not
     * shared state; it holds the runtime, never across the thread's end.
     */
    private static final ThreadLocal<ReactorRuntime> CURRENT = new ThreadLocal<>();

    private ReactorThreads() {}

    static boolean isAnyReactorThread() {
        return CURRENT.get() != null;
    }

    static ReactorRuntime current() {
        return CURRENT.get();
    }

    static void enter(ReactorRuntime runtime) {
        CURRENT.set(runtime);
    }

    static void exit() {
        CURRENT.remove();
    }

    /** Refuses to wait where waiting would deadlock or block an event loop; before anything is scheduled. */
    static void checkCanBlock(String what) {
        if (CURRENT.get() != null) {
            throw Messages.blockingOnReactor(what);
        }
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            throw Messages.blockingOnNonBlockingThread(what, Thread.currentThread());
        }
    }
}
