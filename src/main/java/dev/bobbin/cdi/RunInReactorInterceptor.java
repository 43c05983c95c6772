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
    private final Interception interception;

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public RunInReactorInterceptor(BobbinRuntime bobbin) {
        this.interception = bobbin.interception(); // held directly: used on every invocation
    }

    /**
     * @param context the invocation
     * @return the caller's {@code EventualResult}, or {@code null} for a {@code void} method
     */
    @AroundInvoke
    public Object runInReactor(InvocationContext context) {
        return interception.runInReactor(context); // the plan is validated once, then cached
    }
}
