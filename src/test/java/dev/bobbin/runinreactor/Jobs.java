package dev.bobbin.runinreactor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.RunInReactor;
import io.smallrye.mutiny.Uni;

/** Background work on the reactor: every method returns at once. */
@ApplicationScoped
public class Jobs {
    @Inject
    Reactor reactor;

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<Thread> lastThread = new AtomicReference<>();

    public int runs() {
        return runs.get();
    }

    public Thread lastThread() {
        return lastThread.get();
    }

    @RunInReactor
    public EventualResult<String> greet(String name) {
        runs.incrementAndGet();
        lastThread.set(Thread.currentThread());
        return EventualResult.of("hello " + name + (reactor.isReactorThread() ? " from the reactor" : ""));
    }

    @RunInReactor
    public EventualResult<String> later(CompletableFuture<String> stage) {
        return EventualResult.from(stage);
    }

    @RunInReactor
    public EventualResult<String> uni(Uni<String> uni) {
        runs.incrementAndGet();
        return EventualResult.from(uni);
    }

    @RunInReactor
    public EventualResult<String> throwing(RuntimeException failure) {
        throw failure;
    }

    @RunInReactor
    public EventualResult<String> failing(Throwable failure) {
        return EventualResult.failed(failure);
    }

    @RunInReactor
    public EventualResult<String> returnsNull() {
        return null;
    }

    @RunInReactor
    public void fireAndForget(CountDownLatch done, RuntimeException failure) {
        done.countDown();
        if (failure != null) {
            throw failure;
        }
    }

    @RunInReactor
    public EventualResult<String> cancellable(
            AtomicBoolean subscribed, AtomicBoolean cancelled, AtomicReference<Thread> on) {
        return EventualResult.from(Uni.createFrom()
                .<String>nothing()
                .onSubscription()
                .invoke(() -> subscribed.set(true))
                .onCancellation()
                .invoke(() -> {
                    on.set(Thread.currentThread());
                    cancelled.set(true);
                }));
    }

    @RunInReactor
    public EventualResult<String> blockReactor(CountDownLatch started, CountDownLatch release)
            throws InterruptedException {
        started.countDown();
        release.await(30, TimeUnit.SECONDS);
        return EventualResult.of("released");
    }

    @RunInReactor
    public EventualResult<String> chained(String name) {
        return greet(name); // another @RunInReactor call's result, followed
    }
}
