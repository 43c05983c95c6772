package dev.bobbin.waitfor;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.Reactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** A blocking facade over reactive work: every method runs on the reactor thread. */
@ApplicationScoped
public class Blocking {
    @Inject
    Reactor reactor;

    @Inject
    Inner inner;

    private final AtomicReference<Thread> lastThread = new AtomicReference<>();

    public Thread lastThread() {
        return lastThread.get();
    }

    @WaitFor(timeout = 10)
    public String hello(String name) {
        lastThread.set(Thread.currentThread());
        return "hello " + name + (reactor.isReactorThread() ? " from the reactor" : " from elsewhere");
    }

    @WaitFor(timeout = 10)
    public int delayedAnswer() {
        return WaitFor.Result.from(Uni.createFrom().item(42).onItem().delayIt().by(Duration.ofMillis(20)));
    }

    @WaitFor(timeout = 10)
    public String fromStage(CompletableFuture<String> stage) {
        return WaitFor.Result.from(stage);
    }

    @WaitFor(timeout = 10)
    public void fails(RuntimeException failure) {
        throw failure;
    }

    @WaitFor(timeout = 10)
    public String failsDeclared(IOException failure) throws IOException {
        throw failure;
    }

    @WaitFor(timeout = 10)
    public String failsUndeclared(Exception failure) {
        return WaitFor.Result.from(Uni.createFrom().failure(failure));
    }

    @WaitFor(timeout = 10)
    public String failsWithError(Error error) {
        throw error;
    }

    /** Never completes; records when its subscription is cancelled, and on which thread. */
    @WaitFor(timeout = 300, unit = java.time.temporal.ChronoUnit.MILLIS)
    public String never(AtomicBoolean cancelled, AtomicReference<Thread> cancelledOn) {
        return WaitFor.Result.from(
                Uni.createFrom().<String>nothing().onCancellation().invoke(() -> {
                    cancelledOn.set(Thread.currentThread());
                    cancelled.set(true);
                }));
    }

    /** Blocks the reactor until released: for interrupt and timeout tests. */
    @WaitFor(timeout = 30)
    public String blockReactor(CountDownLatch started, CountDownLatch release) throws InterruptedException {
        started.countDown();
        release.await(30, TimeUnit.SECONDS);
        return "released";
    }

    @WaitFor(timeout = 10)
    public String nested() {
        return inner.hello("nested");
    }

    @WaitFor(timeout = 10)
    public String handsOverTwice() {
        WaitFor.Result.from(Uni.createFrom().item("a"));
        return WaitFor.Result.from(Uni.createFrom().item("b"));
    }

    @WaitFor(timeout = 10)
    public String item(String value) {
        return value;
    }
}
