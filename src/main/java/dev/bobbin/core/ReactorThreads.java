package dev.bobbin.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

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

    /** {@code Thread#isVirtual()} on Java 21+, absent on 17 (Bobbin's baseline); looked up once. */
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

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

    /** Tells whether {@code thread} is a virtual thread; always {@code false} before Java 21. */
    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
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
