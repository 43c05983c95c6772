package dev.bobbin.cdi;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

import dev.bobbin.core.TaskContext;

/**
 * A fresh request context for every task on the reactor. One controller serves the reactor thread for
 * the application's life (activate creates a new context each time; deactivate destroys it), and is
 * destroyed at stop, so no dependent instances pile up.
 */
final class RequestContextPerTask implements TaskContext {
    /** Whether Weld's API is visible to Bobbin (never on Quarkus, whose controller is cheap already). */
    private static final boolean WELD_API = Environment.visible("org.jboss.weld.context.unbound.UnboundLiteral");

    private final Instance<RequestContextController> controllers;
    private volatile RequestContextController controller;

    RequestContextPerTask(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    /**
     * The cheapest per-task request context the container allows: on Weld, when nobody observes the request
     * context's lifecycle events, {@link WeldRequestContextPerTask}; everywhere else the portable controller.
     */
    static TaskContext select(Instance<Object> beans) {
        if (WELD_API) {
            TaskContext weld = WeldRequestContextPerTask.ifUnobserved(beans);
            if (weld != null) {
                return weld;
            }
        }
        return new RequestContextPerTask(beans.select(RequestContextController.class));
    }

    @Override
    public boolean activate() {
        RequestContextController current = controller;
        if (current == null) {
            current = controllers.get();
            controller = current;
        }
        return current.activate();
    }

    @Override
    public void deactivate() {
        controller.deactivate();
    }

    @Override
    public void close() {
        RequestContextController current = controller;
        if (current != null) {
            controller = null;
            controllers.destroy(current);
        }
    }
}
