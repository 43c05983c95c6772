package dev.bobbin.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.interceptor.InvocationContext;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import dev.bobbin.core.MethodPlan;
import dev.bobbin.core.MethodRules;
import dev.bobbin.core.ReactorRuntime;

/**
 * What the interceptors use on every call: the application's reactor and the validated plan of every
 * intercepted method, computed at its first call and cached. A plain object, held by each interceptor
 * directly: a call through the container's client proxy of {@link BobbinRuntime} would cost an argument
 * array and a context lookup on every invocation (and Weld hands out the proxy even for {@code return this}).
 */
final class Interception {
    private static final String WELD_BINDINGS = "org.jboss.weld.interceptor.bindings";
    private static final String ARC_BINDINGS = "io.quarkus.arc.interceptorBindings";

    private final ReactorRuntime runtime;
    /** Plans per bean class, then per method; one map per interceptor kind. Per application, never static. */
    private final ClassValue<Map<Method, MethodPlan>> waitForPlans = new PlanCache();

    private final ClassValue<Map<Method, MethodPlan>> runInReactorPlans = new PlanCache();

    Interception(ReactorRuntime runtime) {
        this.runtime = runtime;
    }

    Object waitFor(InvocationContext context) throws Exception {
        return runtime.waitFor(plan(context, true), context::proceed);
    }

    EventualResult<?> runInReactor(InvocationContext context) {
        return runtime.runInReactor(plan(context, false), context::proceed);
    }

    /**
     * Finds the plan of an intercepted method: computed and validated at its first call, then cached.
     *
     * @throws DefinitionException when the method breaks a rule (the container skipped validation)
     */
    private MethodPlan plan(InvocationContext context, boolean forWaitFor) {
        Method method = context.getMethod();
        Map<Method, MethodPlan> plans = (forWaitFor ? waitForPlans : runInReactorPlans)
                .get(context.getTarget().getClass());
        MethodPlan plan = plans.get(method);
        if (plan == null) {
            plan = newPlan(context, method, forWaitFor);
            plans.putIfAbsent(method, plan);
        }
        if (plan.definitionError() != null) {
            throw new DefinitionException(plan.definitionError());
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private static MethodPlan newPlan(InvocationContext context, Method method, boolean forWaitFor) {
        Object bindings = context.getContextData().get(WELD_BINDINGS);
        if (bindings == null) {
            bindings = context.getContextData().get(ARC_BINDINGS);
        }
        WaitFor waitFor = null;
        boolean runInReactor = false;
        if (bindings instanceof Set<?> set) {
            for (Annotation binding : (Set<Annotation>) set) {
                if (binding instanceof WaitFor found) {
                    waitFor = found;
                } else if (binding instanceof RunInReactor) {
                    runInReactor = true;
                }
            }
        } else {
            Class<?> beanClass = context.getTarget().getClass();
            waitFor = Bindings.effective(method, beanClass, WaitFor.class);
            runInReactor = Bindings.effective(method, beanClass, RunInReactor.class) != null;
        }
        return MethodRules.plan(method, waitFor, runInReactor, forWaitFor);
    }

    private static final class PlanCache extends ClassValue<Map<Method, MethodPlan>> {
        @Override
        protected Map<Method, MethodPlan> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    }
}
