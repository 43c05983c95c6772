package dev.bobbin.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.bobbin.WaitFor;

/** Runs a {@link WaitFor} method on the reactor thread and waits for it on the caller's behalf. */
@WaitFor(timeout = 1)
@Interceptor
@Priority(BobbinRuntime.INTERCEPTOR_PRIORITY)
public class WaitForInterceptor {
    private final Interception interception;

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public WaitForInterceptor(BobbinRuntime bobbin) {
        this.interception = bobbin.interception(); // held directly: used on every invocation
    }

    /**
     * @param context the invocation
     * @return the method's value
     * @throws Exception the method's failure
     */
    @AroundInvoke
    public Object waitFor(InvocationContext context) throws Exception {
        return interception.waitFor(context); // the plan is validated once, then cached
    }
}
