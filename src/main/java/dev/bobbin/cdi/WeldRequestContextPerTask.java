package dev.bobbin.cdi;

import java.lang.annotation.Annotation;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.context.RequestContext;
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
 */
final class WeldRequestContextPerTask implements TaskContext {
    private final RequestContext context;

    private WeldRequestContextPerTask(RequestContext context) {
        this.context = context;
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
            return unbound.isResolvable() ? new WeldRequestContextPerTask(unbound.get()) : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // not the Weld we compiled against: the portable controller always works
        }
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
}
