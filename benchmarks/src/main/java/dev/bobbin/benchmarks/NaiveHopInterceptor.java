package dev.bobbin.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The naive {@code @WaitFor}: an interceptor, at Bobbin's priority, that hands {@code proceed()} to a
 * single-thread executor and waits with {@code submit().get(timeout)}. The baseline that costs what
 * {@code @WaitFor} costs on the caller's side in Weld (the interception, {@code proceed()} on another thread)
 * with the JDK's hand-off instead of Bobbin's: no timeout handling beyond the {@code get}, no cancellation, no
 * request context, no stop.
 */
@NaiveHop
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class NaiveHopInterceptor {
    /**
     * One executor per interceptor instance (Weld makes one per intercepted bean instance, here one per fork);
     * a daemon thread, left to end with the fork.
     */
    private final ExecutorService executor = Container.singleThread("naive-hop-single-thread");

    @AroundInvoke
    Object hop(InvocationContext context) throws Exception {
        return executor.submit(context::proceed).get(10, TimeUnit.SECONDS);
    }
}
