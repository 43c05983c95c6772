package dev.bobbin.cdi;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.context.RequestContext;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundRequestContext;
import org.jboss.weld.context.unbound.UnboundLiteral;

import dev.bobbin.core.TaskContext;

/**
 * The per-task request context on Weld (Weld SE, WildFly, Open Liberty) without the cost of its portable
 * {@code RequestContextController}, which builds three strings and fires three events for every activation:
 * about 1.5 KB and a few microseconds per task, more than the hand-off itself. It activates the very context
 * that controller activates (Weld's unbound request context), so a fresh context per task is unchanged; it is
 * chosen only when nobody observes {@code @Initialized}, {@code @BeforeDestroyed} or {@code @Destroyed}
 * {@code (RequestScoped.class)}, the one thing it leaves out. Loaded only when Weld's API is visible
 * ({@link RequestContextPerTask#select}), so its references to Weld never fail elsewhere (Quarkus).
 * <p>
 * On Bobbin's own reactor thread it does less still ({@link KeptBetweenTasks}).
 */
final class WeldRequestContextPerTask implements TaskContext {
    private final RequestContext context;
    /** Weld's bound request context, or {@code null}: the one kept between tasks on Bobbin's own thread. */
    private final BoundRequestContext bound;

    private WeldRequestContextPerTask(RequestContext context, BoundRequestContext bound) {
        this.context = context;
        this.bound = bound;
    }

    /** @return the Weld request context for tasks, or {@code null} when the portable controller must be used */
    static TaskContext ifUnobserved(Instance<Object> beans) {
        try {
            BeanManager beanManager = beans.select(BeanManager.class).get();
            for (Annotation lifecycle : new Annotation[] {
                Initialized.Literal.REQUEST, BeforeDestroyed.Literal.REQUEST, Destroyed.Literal.REQUEST
            }) {
                // Weld's controller fires a String payload: these are the observers it would notify.
                if (!beanManager.resolveObserverMethods("", lifecycle).isEmpty()) {
                    return null;
                }
            }
            Instance<RequestContext> unbound = beans.select(RequestContext.class, UnboundLiteral.INSTANCE);
            if (!unbound.isResolvable()) {
                return null;
            }
            Instance<BoundRequestContext> bound = beans.select(BoundRequestContext.class, BoundLiteral.INSTANCE);
            return new WeldRequestContextPerTask(unbound.get(), bound.isResolvable() ? bound.get() : null);
        } catch (RuntimeException | LinkageError e) {
            return null; // not the Weld we compiled against: the portable controller always works
        }
    }

    @Override
    public TaskContext onOwnThread() {
        return bound == null ? this : new KeptBetweenTasks(bound);
    }

    @Override
    public boolean activate() {
        if (context.isActive()) {
            return false;
        }
        context.activate();
        return true;
    }

    @Override
    public void deactivate() {
        try {
            context.invalidate(); // destroys the task's @RequestScoped instances on deactivation
        } finally {
            context.deactivate();
        }
    }

    /**
     * The request context on Bobbin's own reactor thread, where only Bobbin's tasks run: activated once and
     * kept active for the next task as long as no task creates a request-scoped instance in it. A task that
     * does ends it (its instances are destroyed, as with a fresh context per task) and the next task gets a
     * new one. Most tasks create none, and then pay nothing: no thread-local churn, no bean store, and Weld's
     * per-request caches (e.g. its interception stack) stay warm instead of being rebuilt on every call.
     * All state is confined to the reactor thread.
     */
    private static final class KeptBetweenTasks implements TaskContext {
        private final BoundRequestContext context;
        /** The context's storage: Weld writes every request-scoped instance it creates into it. */
        private final Map<String, Object> storage = new HashMap<>();

        private boolean active;

        KeptBetweenTasks(BoundRequestContext context) {
            this.context = context;
        }

        @Override
        public boolean activate() {
            if (!active) {
                context.associate(storage);
                context.activate();
                active = true;
            }
            return true;
        }

        @Override
        public void deactivate() {
            if (!storage.isEmpty()) {
                release(); // the task left request-scoped instances: destroy them now, as a fresh context would
            }
        }

        @Override
        public void release() {
            if (!active) {
                return;
            }
            active = false;
            try {
                context.invalidate(); // destroys the instances on deactivation
                context.deactivate();
            } finally {
                context.dissociate(storage);
                storage.clear();
            }
        }
    }
}
