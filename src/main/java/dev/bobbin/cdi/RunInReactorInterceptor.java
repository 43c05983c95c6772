package dev.bobbin.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.bobbin.RunInReactor;

/** Schedules a {@link RunInReactor} method on the reactor thread and returns its result at once. */
@RunInReactor
@Interceptor
@Priority(BobbinRuntime.INTERCEPTOR_PRIORITY)
public class RunInReactorInterceptor {
    private final BobbinRuntime bobbin;

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public RunInReactorInterceptor(BobbinRuntime bobbin) {
        this.bobbin = bobbin;
    }

    /**
     * @param context the invocation
     * @return the caller's {@code EventualResult}, or {@code null} for a {@code void} method
     */
    @AroundInvoke
    public Object runInReactor(InvocationContext context) {
        return bobbin.runtime().runInReactor(bobbin.plan(context, false), context::proceed);
    }
}
