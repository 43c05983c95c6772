package dev.bobbin.benchmarks;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Proceeds and nothing else, at Bobbin's interceptor priority. */
@NoOp
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class NoOpInterceptor {
    @AroundInvoke
    Object proceed(InvocationContext context) throws Exception {
        return context.proceed();
    }
}
