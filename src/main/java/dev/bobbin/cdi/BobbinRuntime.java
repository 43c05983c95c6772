package dev.bobbin.cdi;

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

import dev.bobbin.core.ReactorRuntime;
import dev.bobbin.core.Settings;
import dev.bobbin.core.TaskContext;
import dev.bobbin.spi.ReactorLoop;

/**
 * The application's Bobbin: owns its {@link ReactorRuntime}, starts it on {@link Startup} and stops it on
 * {@link Shutdown} (or when the application context is destroyed, whichever comes first), and hands the
 * interceptors their {@link Interception}.
 */
@ApplicationScoped
public class BobbinRuntime {
    /** Inner to Fault Tolerance and {@code @Transactional}: those stay on the caller's thread. */
    static final int INTERCEPTOR_PRIORITY = Interceptor.Priority.PLATFORM_AFTER + 100;

    private final Instance<Object> beans;
    private ReactorRuntime runtime;
    private Interception interception;

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
        interception = new Interception(runtime);
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

    /** @return what the interceptors use on every call, to be held directly rather than through this proxy */
    Interception interception() {
        return interception;
    }

    /** @return the application's reactor */
    public ReactorRuntime runtime() {
        return runtime;
    }
}
