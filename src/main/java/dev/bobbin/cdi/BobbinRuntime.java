package dev.bobbin.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import dev.bobbin.core.MethodPlan;
import dev.bobbin.core.MethodRules;
import dev.bobbin.core.ReactorRuntime;
import dev.bobbin.core.Settings;
import dev.bobbin.core.TaskContext;
import dev.bobbin.spi.ReactorLoop;

/**
 * The application's Bobbin: owns its {@link ReactorRuntime}, starts it on {@link Startup} and stops it on
 * {@link Shutdown} (or when the application context is destroyed, whichever comes first), and caches the
 * validated plan of every intercepted method.
 */
@ApplicationScoped
public class BobbinRuntime {
    /** Inner to Fault Tolerance and {@code @Transactional}: those stay on the caller's thread. */
    static final int INTERCEPTOR_PRIORITY = Interceptor.Priority.PLATFORM_AFTER + 100;

    private static final String WELD_BINDINGS = "org.jboss.weld.interceptor.bindings";
    private static final String ARC_BINDINGS = "io.quarkus.arc.interceptorBindings";

    /** Plans per bean class, then per method; one map per interceptor kind. Per application, never static. */
    private final ClassValue<Map<Method, MethodPlan>> waitForPlans = new PlanCache();

    private final ClassValue<Map<Method, MethodPlan>> runInReactorPlans = new PlanCache();
    private final Instance<Object> beans;
    private ReactorRuntime runtime;

    /** For the container's proxy only. */
    protected BobbinRuntime() {
        this.beans = null;
    }

    /**
     * @param beans to look up an application-supplied {@link ReactorLoop} and request context controllers
     */
    @Inject
    public BobbinRuntime(Instance<Object> beans) {
        this.beans = beans;
    }

    @PostConstruct
    void createReactor() {
        ClassLoader loader = Environment.applicationClassLoader();
        Settings settings = Configuration.load(loader);
        Instance<ReactorLoop> loops = beans.select(ReactorLoop.class);
        if (loops.isAmbiguous()) {
            throw new DefinitionException("ReactorLoop: at most one bean of this type may exist, found several;"
                    + " keep the one loop Bobbin should use");
        }
        ReactorLoop appLoop = loops.isResolvable() ? loops.get() : null;
        TaskContext taskContext = settings.requestContext() ? RequestContextPerTask.select(beans) : TaskContext.NONE;
        String threadName = settings.threadName() + "-"
                + Environment.applicationName().orElse(Integer.toHexString(System.identityHashCode(this)));
        runtime = new ReactorRuntime(settings, threadName, Environment.threadFactory(loader), appLoop, taskContext);
    }

    void startReactor(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        runtime.start(); // never waits for the reactor: Open Liberty runs managed threads only once started
    }

    void stopReactor(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) Shutdown shutdown) {
        runtime.stop();
    }

    @PreDestroy
    void destroyReactor() {
        runtime.stop();
    }

    /** @return the application's reactor */
    public ReactorRuntime runtime() {
        return runtime;
    }

    /**
     * Finds the plan of an intercepted method: computed and validated at its first call, then cached.
     *
     * @param context the invocation
     * @param forWaitFor whether the {@code @WaitFor} interceptor asks
     * @return the plan
     * @throws DefinitionException when the method breaks a rule (the container skipped validation)
     */
    MethodPlan plan(InvocationContext context, boolean forWaitFor) {
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
