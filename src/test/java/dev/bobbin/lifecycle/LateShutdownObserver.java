package dev.bobbin.lifecycle;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Calls the reactor after Bobbin stopped it (no bean-defining annotation: added by its test only). */
public class LateShutdownObserver {
    public static final AtomicReference<Throwable> SEEN = new AtomicReference<>();

    @Inject
    Service service;

    void callAfterStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 2000) Shutdown shutdown) {
        long start = System.nanoTime();
        try {
            service.reactorThread();
            SEEN.set(new AssertionError("the call after stop succeeded"));
        } catch (Throwable t) {
            SEEN.set(System.nanoTime() - start < 1_000_000_000L ? t : new AssertionError("not at once", t));
        }
    }
}
