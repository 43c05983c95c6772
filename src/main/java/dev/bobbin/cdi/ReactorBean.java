package dev.bobbin.cdi;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorMetrics;
import dev.bobbin.core.ReactorRuntime;
import io.smallrye.mutiny.Uni;

/** The {@link Reactor} bean: delegates to the application's runtime. */
@ApplicationScoped
public class ReactorBean implements Reactor {
    /** Held directly: a call through the client proxy of {@link BobbinRuntime} costs a context lookup. */
    private final ReactorRuntime runtime;

    /** For the container's proxy only. */
    protected ReactorBean() {
        this.runtime = null;
    }

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public ReactorBean(BobbinRuntime bobbin) {
        this.runtime = bobbin.runtime();
    }

    @Override
    public boolean isReactorThread() {
        return runtime.isReactorThread();
    }

    @Override
    public boolean isRunning() {
        return runtime.isRunning();
    }

    @Override
    public Executor executor() {
        return runtime.executor();
    }

    @Override
    public <T> T waitFor(Duration timeout, Supplier<? extends T> body) {
        return runtime.waitFor(timeout, body);
    }

    @Override
    public <T> T waitForUni(Duration timeout, Supplier<Uni<T>> body) {
        return runtime.waitForUni(timeout, body);
    }

    @Override
    public <T> EventualResult<T> runInReactor(Supplier<? extends EventualResult<T>> body) {
        return runtime.runInReactor(body);
    }

    @Override
    public ReactorMetrics metrics() {
        return runtime.metrics();
    }
}
