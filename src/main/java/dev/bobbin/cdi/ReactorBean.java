package dev.bobbin.cdi;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorMetrics;
import io.smallrye.mutiny.Uni;

/** The {@link Reactor} bean: delegates to the application's runtime. */
@ApplicationScoped
public class ReactorBean implements Reactor {
    private final BobbinRuntime bobbin;

    /** For the container's proxy only. */
    protected ReactorBean() {
        this.bobbin = null;
    }

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public ReactorBean(BobbinRuntime bobbin) {
        this.bobbin = bobbin;
    }

    @Override
    public boolean isReactorThread() {
        return bobbin.runtime().isReactorThread();
    }

    @Override
    public boolean isRunning() {
        return bobbin.runtime().isRunning();
    }

    @Override
    public Executor executor() {
        return bobbin.runtime().executor();
    }

    @Override
    public <T> T waitFor(Duration timeout, Supplier<? extends T> body) {
        return bobbin.runtime().waitFor(timeout, body);
    }

    @Override
    public <T> T waitForUni(Duration timeout, Supplier<Uni<T>> body) {
        return bobbin.runtime().waitForUni(timeout, body);
    }

    @Override
    public <T> EventualResult<T> runInReactor(Supplier<? extends EventualResult<T>> body) {
        return bobbin.runtime().runInReactor(body);
    }

    @Override
    public ReactorMetrics metrics() {
        return bobbin.runtime().metrics();
    }
}
