package dev.bobbin.benchmarks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.smallrye.mutiny.Uni;

/**
 * One hop onto a single thread and back, every variant with the same workload (return a cached
 * {@code Integer}). Modes, threads, forks and profilers are chosen by {@link Suite} (or on the JMH command
 * line): every variant runs in the same session against the same kind of fork.
 * <p>
 * Every fork boots the same Weld SE container with Bobbin, so the baselines run next to an idle reactor
 * exactly as the Bobbin variants run next to idle baseline executors.
 */
@State(Scope.Benchmark)
public class Hop {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Callable<Integer> CALLABLE = () -> Target.VALUE;
    private static final Supplier<Integer> SUPPLIER = () -> Target.VALUE;

    private Container container;
    private Target target;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void boot() {
        container = new Container();
        target = container.target;
        executor = Container.singleThread("baseline-single-thread");
        target.constant(); // start the reactor and compute the plans before warm-up
    }

    @TearDown(Level.Trial)
    public void shutdown() throws InterruptedException {
        Container.shutdown(executor);
        container.close();
    }

    // --- Bobbin, through the container's client proxy and interceptors ---

    @Benchmark
    public Integer waitForConstant() {
        return target.constant();
    }

    @Benchmark
    public Integer waitForUni() {
        return target.uni();
    }

    @Benchmark
    public Integer runInReactorAwait() {
        return target.run().await(TIMEOUT);
    }

    @Benchmark
    public Integer programmaticWaitFor() {
        return container.reactor.waitFor(TIMEOUT, SUPPLIER);
    }

    // --- the same bean without Bobbin ---

    @Benchmark
    public Integer directCall() {
        return target.direct();
    }

    @Benchmark
    public Integer noOpInterceptor() {
        return target.noOp();
    }

    /** {@code @WaitFor} done naively: an interceptor around {@code submit(proceed).get()}. */
    @Benchmark
    public Integer naiveInterceptor() {
        return target.naive();
    }

    // --- the raw hand-off onto one thread ---

    @Benchmark
    public Integer executorSubmitGet() throws ExecutionException, InterruptedException {
        return executor.submit(CALLABLE).get();
    }

    @Benchmark
    public Integer completableFutureJoin() {
        return CompletableFuture.supplyAsync(SUPPLIER, executor).join();
    }

    @Benchmark
    public Integer mutinyAwait() {
        return Uni.createFrom()
                .item(SUPPLIER)
                .runSubscriptionOn(executor)
                .await()
                .atMost(TIMEOUT);
    }
}
