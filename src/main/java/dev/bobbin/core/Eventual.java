package dev.bobbin.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.bobbin.EventualResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The one implementation of {@link EventualResult}.
 * <p>
 * Completion is one-shot: the outcome (the value itself, or one immutable {@link Failure}) is set by a
 * single compare-and-set in {@link #done}; whoever loses the race changes nothing, so every observer
 * sees the same value or exception instances. Waiters park on {@code done}, not on the task, so stopping
 * the reactor can wake them by completing the result.
 *
 * @param <T> the type of the value
 */
public final class Eventual<T> implements EventualResult<T> {
    private static final Object PENDING = new Object();
    private static final VarHandle SOURCE;

    static {
        try {
            SOURCE = MethodHandles.lookup().findVarHandle(Eventual.class, "source", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The application that produced this result; {@code null} for a bare factory-made result. */
    final ReactorRuntime owner;
    /** What produced the result, e.g. {@code Quotes#latest(String)}, for messages. */
    final String what;
    /** Completed normally with the value or a {@link Failure}; never completed exceptionally. */
    private final CompletableFuture<Object> done = new CompletableFuture<>();
    /** Work of a bare result, subscribed on first use; taken (set to null) exactly once. */
    private volatile Object source;
    /**
     * The running work to cancel: a {@link Cancellable}, a {@link Future} or an {@link EventualResult}.
     * Volatile, and re-checked after subscribing, so a cancel racing the subscription is never lost.
     */
    private volatile Object upstream;

    /** A {@code void} {@code @RunInReactor} call: nobody can observe it, so its failure is logged at once. */
    final boolean fireAndForget;

    volatile boolean observed;
    volatile Tracking.Tracker tracker;

    Eventual(ReactorRuntime owner, String what, boolean fireAndForget) {
        this.owner = owner;
        this.what = what;
        this.fireAndForget = fireAndForget;
    }

    // --- factories behind EventualResult's static methods ---

    /**
     * @param value the value
     * @param <T> its type
     * @return a result that succeeded with {@code value}
     */
    public static <T> Eventual<T> succeeded(T value) {
        Eventual<T> result = new Eventual<>(null, "EventualResult.of(value)", false);
        result.done.complete(value);
        return result;
    }

    /**
     * @param failure the failure
     * @param <T> the value type
     * @return a result that failed with {@code failure}
     */
    public static <T> Eventual<T> failedWith(Throwable failure) {
        Checks.notNull(failure, "EventualResult.failed(failure)", "failure");
        Eventual<T> result = new Eventual<>(null, "EventualResult.failed(failure)", false);
        result.done.complete(new Failure(failure, false));
        return result;
    }

    /**
     * @param uni the work
     * @param <T> the value type
     * @return a result following {@code uni}, subscribed when followed or on first use
     */
    public static <T> Eventual<T> following(Uni<T> uni) {
        Checks.notNull(uni, "EventualResult.from(uni)", "uni");
        Eventual<T> result = new Eventual<>(null, "EventualResult.from(uni)", false);
        result.source = uni;
        return result;
    }

    /**
     * @param stage the work
     * @param <T> the value type
     * @return a result following {@code stage}
     */
    public static <T> Eventual<T> following(CompletionStage<T> stage) {
        Checks.notNull(stage, "EventualResult.from(stage)", "stage");
        Eventual<T> result = new Eventual<>(null, "EventualResult.from(stage)", false);
        result.source = stage;
        return result;
    }

    // --- the API ---

    @Override
    public T await(Duration timeout) {
        return awaitValue(Checks.waitNanos(timeout, "EventualResult#await(timeout)"), timeout, false);
    }

    @Override
    public T awaitOrCancel(Duration timeout) {
        return awaitValue(Checks.waitNanos(timeout, "EventualResult#awaitOrCancel(timeout)"), timeout, true);
    }

    @SuppressWarnings("unchecked")
    private T awaitValue(long nanos, Duration timeout, boolean cancelOnGiveUp) {
        ReactorThreads.checkCanBlock(cancelOnGiveUp ? "EventualResult#awaitOrCancel()" : "EventualResult#await()");
        subscribeIfBare();
        Object state = outcomeWithin(nanos, cancelOnGiveUp, what, timeout);
        markObserved();
        if (state instanceof Failure failure) {
            throw failure.rethrow();
        }
        return (T) state;
    }

    /**
     * Waits for the outcome and returns it raw (the value or a {@link Failure}); the caller has already
     * been checked for being allowed to block.
     *
     * @param timeout printed in the timeout message
     */
    Object outcomeWithin(long nanos, boolean cancelOnGiveUp, String what, Object timeout) {
        Object state = done.getNow(PENDING);
        if (state != PENDING) {
            return state;
        }
        try {
            if (nanos > 0) {
                return done.get(nanos, TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            // handled below, as for a zero wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's code must still see it
            if (cancelOnGiveUp) {
                cancel();
            }
            throw Messages.interrupted(what, e, cancelOnGiveUp);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: results never complete exceptionally", e);
        }
        if (cancelOnGiveUp) {
            cancel();
            state = done.getNow(PENDING);
            if (!(state instanceof Failure failure && failure.ours && failure.cause instanceof CancellationException)) {
                return state; // completed first (a value, a failure, or the reactor's stop): that outcome stands
            }
        }
        if (owner != null) {
            owner.timedOut();
        }
        throw Messages.timedOut(what, String.valueOf(timeout), cancelOnGiveUp);
    }

    @Override
    public void cancel() {
        if (done.isDone()) {
            return;
        }
        // A bare result not yet subscribed is never subscribed now.
        SOURCE.compareAndSet(this, source, null);
        if (!complete(new Failure(Messages.cancelled(what), true))) {
            return;
        }
        if (owner != null) {
            owner.cancelled();
        }
        cancelUpstream();
    }

    @Override
    public boolean isDone() {
        subscribeIfBare();
        return done.isDone();
    }

    @Override
    public Optional<Throwable> originalFailure() {
        subscribeIfBare();
        Object state = done.getNow(PENDING);
        if (state instanceof Failure failure) {
            markObserved();
            return Optional.of(failure.cause);
        }
        return Optional.empty();
    }

    @Override
    public String stash() {
        if (owner == null) {
            throw Messages.stashWithoutApplication();
        }
        return owner.stash(this);
    }

    @Override
    public CompletionStage<T> toCompletionStage() {
        subscribeIfBare();
        markObserved();
        return copy();
    }

    @Override
    public Uni<T> toUni() {
        subscribeIfBare();
        markObserved();
        // A fresh copy per subscription: cancelling one subscriber's stage must not affect the others.
        return Uni.createFrom().completionStage(this::copy);
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<T> copy() {
        CompletableFuture<T> copy = new CompletableFuture<>();
        done.thenAccept(state -> {
            if (state instanceof Failure failure) {
                copy.completeExceptionally(failure.cause);
            } else {
                copy.complete((T) state);
            }
        });
        return copy;
    }

    @Override
    public String toString() {
        Object state = done.getNow(PENDING);
        String status = state == PENDING
                ? "pending"
                : state instanceof Failure failure ? "failed: " + failure.cause : "succeeded";
        return "EventualResult[" + what + ", " + status + "]";
    }

    // --- completion, used by the runtime ---

    boolean succeed(Object value) {
        return complete(value);
    }

    boolean fail(Throwable failure) {
        return !done.isDone() && complete(new Failure(failure, false));
    }

    /** Completes with {@link dev.bobbin.ReactorStoppedException} and cancels the work where it is. */
    void stop() {
        if (!done.isDone() && complete(new Failure(Messages.stoppedBeforeResult(what), true))) {
            Object work = upstream;
            if (work != null) {
                cancelWork(work);
            }
        }
    }

    private boolean complete(Object state) {
        if (owner == null) {
            return done.complete(state);
        }
        // Deregister before completing, so a woken waiter never sees its result still pending; a stop
        // that misses it here is harmless, this thread is completing it.
        owner.deregister(this);
        if (!done.complete(state)) {
            return false;
        }
        owner.completed(this, state);
        return true;
    }

    /** The raw outcome, or {@code null} while pending (only for the runtime; a value may be null too). */
    Object stateOrPending() {
        return done.getNow(PENDING);
    }

    static boolean isPending(Object state) {
        return state == PENDING;
    }

    void markObserved() {
        observed = true;
        Tracking.Tracker current = tracker;
        if (current != null) {
            current.observed();
        }
    }

    boolean isUnobservedFailure() {
        return done.getNow(PENDING) instanceof Failure failure && !failure.ours && !observed;
    }

    Throwable failureCause() {
        return done.getNow(PENDING) instanceof Failure failure ? failure.cause : null;
    }

    /**
     * Makes this result follow {@code work}: a {@code Uni} (subscribed here, on the calling thread), a
     * {@code CompletionStage}, or another {@code EventualResult}.
     */
    void follow(Object work) {
        if (work instanceof Uni<?> uni) {
            Cancellable subscription = uni.subscribe().with(this::succeed, this::fail);
            publishUpstream(subscription);
        } else if (work instanceof Eventual<?> other) {
            other.subscribeIfBare();
            other.markObserved(); // handed on: whoever holds this result observes it
            publishUpstream(other);
            other.done.thenAccept(this::complete);
        } else if (work instanceof EventualResult<?> foreign) {
            publishUpstream(foreign);
            foreign.toCompletionStage().whenComplete(this::completeFromStage);
        } else {
            CompletionStage<?> stage = (CompletionStage<?>) work;
            publishUpstream(stage);
            stage.whenComplete(this::completeFromStage);
        }
    }

    private void completeFromStage(Object value, Throwable failure) {
        if (failure == null) {
            succeed(value);
        } else {
            fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
        }
    }

    private void publishUpstream(Object work) {
        upstream = work;
        // Re-check after publishing: a cancel that completed us before it could see the upstream.
        if (done.getNow(PENDING) instanceof Failure failure && failure.ours) {
            cancelWork(work);
        }
    }

    private void cancelUpstream() {
        Object work = upstream;
        if (work == null) {
            return; // not subscribed yet: the subscriber re-checks after publishing
        }
        if (owner == null || !owner.runOnReactor(() -> cancelWork(work))) {
            cancelWork(work);
        }
    }

    private static void cancelWork(Object work) {
        try {
            if (work instanceof Cancellable cancellable) {
                cancellable.cancel();
            } else if (work instanceof EventualResult<?> result) {
                result.cancel();
            } else if (work instanceof Future<?> future) {
                future.cancel(true);
            }
        } catch (RuntimeException e) {
            Log.log(Log.RESULTS, System.Logger.Level.DEBUG, "cancelling the upstream failed", e);
        }
    }

    private void subscribeIfBare() {
        Object work = source;
        if (work != null && SOURCE.compareAndSet(this, work, null)) {
            follow(work);
        }
    }

    /** For the runtime: takes over the work of a bare result returned by a body, to follow it. */
    Object takeSource() {
        Object work = source;
        return work != null && SOURCE.compareAndSet(this, work, null) ? work : null;
    }
}
