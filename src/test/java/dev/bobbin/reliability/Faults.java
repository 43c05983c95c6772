package dev.bobbin.reliability;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** Bodies that misbehave, for the fault-injection tests. */
@ApplicationScoped
public class Faults {
    private final AtomicInteger quickBodies = new AtomicInteger();

    /** @return how many {@link #quick} bodies actually ran */
    public int quickBodiesRun() {
        return quickBodies.get();
    }

    @WaitFor(timeout = 30)
    public String holdTheReactor(CountDownLatch started, CountDownLatch release) throws InterruptedException {
        started.countDown();
        release.await(60, TimeUnit.SECONDS);
        return "released";
    }

    @WaitFor(timeout = 300, unit = ChronoUnit.MILLIS)
    public String quick(String value) {
        quickBodies.incrementAndGet();
        return value;
    }

    @WaitFor(timeout = 10)
    public String echo(String value) {
        return value;
    }

    @WaitFor(timeout = 10)
    public int recurseForever(int depth) {
        return recurseForever(depth + 1) + 1; // a self-call: not intercepted, just deep
    }

    @RunInReactor
    public EventualResult<Integer> recurseForeverLater() {
        return EventualResult.of(recurseForever(0));
    }

    @WaitFor(timeout = 10)
    public long[] allocateTooMuch() {
        return new long[Integer.MAX_VALUE]; // a real OutOfMemoryError ("exceeds VM limit"), heap untouched
    }

    @WaitFor(timeout = 10)
    public String throwError(Error error) {
        throw error;
    }

    @RunInReactor
    public EventualResult<String> throwErrorLater(Error error) {
        throw error;
    }

    /** Hands over work whose {@code cancel} is ignored. */
    @WaitFor(timeout = 200, unit = ChronoUnit.MILLIS)
    public String stubborn(CompletableFuture<String> upstream) {
        return WaitFor.Result.from(upstream);
    }

    @RunInReactor
    public EventualResult<String> stubbornLater(CompletableFuture<String> upstream) {
        return EventualResult.from(upstream);
    }

    /** A Uni that never ends and whose cancellation hook throws. */
    @RunInReactor
    public EventualResult<String> cancellationThrows() {
        return EventualResult.from(
                Uni.createFrom().<String>nothing().onCancellation().invoke(() -> {
                    throw new IllegalStateException("the upstream's cancellation failed");
                }));
    }

    @WaitFor(timeout = 60)
    public String forever(CountDownLatch subscribed) {
        return WaitFor.Result.from(
                Uni.createFrom().<String>nothing().onSubscription().invoke(subscribed::countDown));
    }

    @RunInReactor
    public EventualResult<String> pending() {
        return EventualResult.from(Uni.createFrom().nothing());
    }

    @RunInReactor
    public EventualResult<String> value(String value) {
        return EventualResult.of(value);
    }

    @RunInReactor
    public EventualResult<String> failed(RuntimeException failure) {
        return EventualResult.failed(failure);
    }

    @RunInReactor
    public void fireAndForget(RuntimeException failure) {
        throw failure;
    }

    /** A future that ignores {@code cancel}, like an upstream that cannot be stopped. */
    static final class IgnoresCancel<T> extends CompletableFuture<T> {
        volatile int cancelCalls;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelCalls++;
            return false;
        }
    }

    /** A future whose {@code cancel} throws. */
    static final class CancelThrows<T> extends CompletableFuture<T> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            throw new IllegalStateException("cancel is broken");
        }
    }
}
