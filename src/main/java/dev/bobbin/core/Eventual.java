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
import java.util.concurrent.locks.LockSupport;

import dev.bobbin.EventualResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The one implementation of {@link EventualResult}.
 * <p>
 * Completion is one-shot: the outcome (the value itself, or one immutable {@link Failure}) is set by a
 * single compare-and-set of {@link #state}; whoever loses the race changes nothing, so every observer
 * sees the same value or exception instances. Waiters park on the result, not on the task, so stopping
 * the reactor can wake them by completing the result.
 * <p>
 * The common case, one caller waiting for one hop, costs no more than the result itself: that caller
 * parks in the {@link #waiter} slot and the completer unparks it, with no future, no wait node and, on a
 * virtual thread, no timer: a timed park of a virtual thread arms and cancels a timer (about 1.3 KB and a
 * lock), so a virtual waiter of an application's result parks without one while its deadline is far, and
 * the runtime's housekeeper wakes it in time to park again with a timer for the exact rest
 * ({@link #wakeUntimedWaiterIfDue}). Callbacks and any further waiter share a {@code CompletableFuture}
 * made on first need ({@link #listeners()}).
 *
 * @param <T> the type of the value
 */
public final class Eventual<T> implements EventualResult<T> {
    private static final Object PENDING = new Object();
    /** How often a platform caller yields before it parks (see {@link #awaitState}). */
    private static final int PLATFORM_YIELDS = 3;

    private static final VarHandle STATE;
    private static final VarHandle WAITER;
    private static final VarHandle LISTENERS;
    private static final VarHandle SOURCE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Eventual.class, "state", Object.class);
            WAITER = lookup.findVarHandle(Eventual.class, "waiter", Thread.class);
            LISTENERS = lookup.findVarHandle(Eventual.class, "listeners", CompletableFuture.class);
            SOURCE = lookup.findVarHandle(Eventual.class, "source", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The application that produced this result; {@code null} for a bare factory-made result. */
    final ReactorRuntime owner;
    /** What produced the result, e.g. {@code Quotes#latest(String)}, for messages. */
    final String what;
    /** {@link #PENDING}, then the value or a {@link Failure}, set once by {@link #complete}. */
    private volatile Object state = PENDING;
    /** The one thread parked in {@link #awaitState} on the fast path, unparked by {@link #complete}. */
    private volatile Thread waiter;
    /**
     * When the housekeeper must wake a {@link #waiter} that parked without a timer; written by the waiter
     * before it publishes itself in {@link #waiter}, so whoever reads the waiter reads this too.
     */
    private long untimedUntil;
    /**
     * Made on first need for callbacks and for waiters beyond the first; completed normally with the
     * outcome (never exceptionally) right after {@link #state} is set, or by whoever makes it late.
     */
    private volatile CompletableFuture<Object> listeners;
    /** Work of a bare result, subscribed on first use; taken (set to null) exactly once. */
    private volatile Object source;
    /**
     * The running work to cancel: a {@link Cancellable}, a {@link Future} or an {@link EventualResult}.
     * Volatile, and re-checked after subscribing, so a cancel racing the subscription is never lost.
     */
    private volatile Object upstream;

    /** A {@code void} {@code @RunInReactor} call: nobody can observe it, so its failure is logged at once. */
    final boolean fireAndForget;

    /** Set by the runtime: the reactor was idle when this call came, so its caller may spin briefly. */
    boolean callerMaySpin;

    /** Set by the runtime: a virtual thread made the call, so the reactor does not spin after it (see {@link OwnLoop}). */
    boolean fromVirtual;

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
        result.state = value;
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
        result.state = new Failure(failure, false);
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
        Object outcome = state;
        if (outcome != PENDING) {
            return outcome;
        }
        try {
            if (nanos > 0) {
                outcome = awaitState(nanos);
                if (outcome != PENDING) {
                    return outcome;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's code must still see it
            if (cancelOnGiveUp) {
                cancel();
            }
            throw Messages.interrupted(what, e, cancelOnGiveUp);
        }
        if (cancelOnGiveUp) {
            cancel();
            outcome = state;
            if (!(outcome instanceof Failure failure
                    && failure.ours
                    && failure.cause instanceof CancellationException)) {
                return outcome; // completed first (a value, a failure, or the reactor's stop): that outcome stands
            }
        }
        if (owner != null) {
            owner.timedOut();
        }
        throw Messages.timedOut(what, String.valueOf(timeout), cancelOnGiveUp);
    }

    /**
     * Waits at most {@code nanos} for the outcome.
     *
     * @return the outcome, or {@link #PENDING} when the time ran out
     * @throws InterruptedException when the thread was interrupted (its flag is then clear)
     */
    private Object awaitState(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        Thread me = Thread.currentThread();
        boolean virtual = ReactorThreads.isVirtual(me);
        Object outcome;
        if (!virtual) {
            // A platform caller whose call found the reactor idle spins (politely) for the answer: a wake-up
            // across CPUs costs far more than the hop. Then a few yields: under load the other threads (the
            // reactor among them) run meanwhile, and the outcome is often there afterwards, which saves the
            // park and, above all, the unpark that the reactor would otherwise make, one syscall per call.
            // A virtual caller does neither: its park and unpark are cheap, but each yield copies its stack.
            if (callerMaySpin && (outcome = spinFor(Math.min(nanos, owner.spinNanos))) != PENDING) {
                return outcome;
            }
            for (int i = 0; i < PLATFORM_YIELDS; i++) {
                Thread.yield();
                if ((outcome = state) != PENDING) {
                    return outcome;
                }
            }
        }
        // Only a result of an application is woken by its housekeeper; a bare one always parks with a timer.
        boolean untimed = virtual && owner != null;
        if (untimed) {
            untimedUntil = deadline - owner.untimedParkMarginNanos;
        }
        if (!WAITER.compareAndSet(this, null, me)) {
            return awaitShared(deadline - System.nanoTime()); // another thread waits already: rare
        }
        try {
            // Dekker with complete(): we published `waiter` then read `state`; it sets `state` then reads `waiter`.
            while ((outcome = state) == PENDING) {
                long now = System.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    return PENDING;
                }
                if (untimed && now - untimedUntil < 0) {
                    LockSupport.park(this); // woken by complete(), or by the housekeeper near the deadline
                } else {
                    LockSupport.parkNanos(this, left);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return outcome;
        } finally {
            waiter = null;
        }
    }

    /**
     * Called by the housekeeper, every period, for every pending result: wakes a virtual waiter that parked
     * without a timer once its deadline is near, so that it parks again with one for the exact rest.
     */
    void wakeUntimedWaiterIfDue(long now) {
        Thread parked = waiter;
        if (parked != null && now - untimedUntil >= 0 && ReactorThreads.isVirtual(parked)) {
            LockSupport.unpark(parked);
        }
    }

    /** Spins for at most {@code nanos}; the outcome, or {@link #PENDING}. */
    private Object spinFor(long nanos) {
        long deadline = System.nanoTime() + nanos;
        Object outcome;
        while ((outcome = state) == PENDING && System.nanoTime() - deadline < 0) {
            Thread.yield(); // lets any runnable thread on this CPU (the reactor, perhaps) go first
        }
        return outcome;
    }

    private Object awaitShared(long nanos) throws InterruptedException {
        try {
            return listeners().get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return PENDING;
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: listeners never complete exceptionally", e);
        }
    }

    @Override
    public void cancel() {
        if (state != PENDING) {
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
        return state != PENDING;
    }

    @Override
    public Optional<Throwable> originalFailure() {
        subscribeIfBare();
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
        listeners().thenAccept(outcome -> {
            if (outcome instanceof Failure failure) {
                copy.completeExceptionally(failure.cause);
            } else {
                copy.complete((T) outcome);
            }
        });
        return copy;
    }

    @Override
    public String toString() {
        Object outcome = state;
        String status = outcome == PENDING
                ? "pending"
                : outcome instanceof Failure failure ? "failed: " + failure.cause : "succeeded";
        return "EventualResult[" + what + ", " + status + "]";
    }

    // --- completion, used by the runtime ---

    boolean succeed(Object value) {
        return complete(value);
    }

    boolean fail(Throwable failure) {
        return state == PENDING && complete(new Failure(failure, false));
    }

    /** Completes with {@link dev.bobbin.ReactorStoppedException} and cancels the work where it is. */
    void stop() {
        if (state == PENDING && complete(new Failure(Messages.stoppedBeforeResult(what), true))) {
            Object work = upstream;
            if (work != null) {
                cancelWork(work);
            }
        }
    }

    private boolean complete(Object outcome) {
        if (owner != null) {
            // Deregister before completing, so a woken waiter never sees its result still pending; a stop
            // that misses it here is harmless, this thread is completing it.
            owner.deregister(this);
        }
        if (!STATE.compareAndSet(this, PENDING, outcome)) {
            return false;
        }
        Thread parked = waiter;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
        CompletableFuture<Object> late = listeners;
        if (late != null) {
            late.complete(outcome);
        }
        if (owner != null) {
            owner.completed(this, outcome);
        }
        return true;
    }

    /**
     * The future behind callbacks and extra waiters, made on first need. Dekker with {@link #complete}: we
     * publish it then read {@link #state}, complete sets the state then reads it; whoever sees the other
     * completes it, with the same outcome, so completing it twice is harmless.
     */
    private CompletableFuture<Object> listeners() {
        CompletableFuture<Object> current = listeners;
        if (current == null) {
            CompletableFuture<Object> made = new CompletableFuture<>();
            current = LISTENERS.compareAndSet(this, null, made) ? made : listeners;
        }
        Object outcome = state;
        if (outcome != PENDING) {
            current.complete(outcome);
        }
        return current;
    }

    /** The raw outcome, or {@code null} while pending (only for the runtime; a value may be null too). */
    Object stateOrPending() {
        return state;
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
        return state instanceof Failure failure && !failure.ours && !observed;
    }

    Throwable failureCause() {
        return state instanceof Failure failure ? failure.cause : null;
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
            other.listeners().thenAccept(this::complete);
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
        if (state instanceof Failure failure && failure.ours) {
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
