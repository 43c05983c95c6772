package dev.bobbin.core;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorMetrics;
import dev.bobbin.spi.ReactorLoop;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * One application's reactor, container-free: the loop, the lifecycle, the pending results, the store,
 * the watchdog. The CDI beans are thin wrappers around one instance of it per application; nothing here
 * is static, so two applications (or two containers in one JVM) never share a reactor.
 */
public final class ReactorRuntime {
    private static final long IDLE = Long.MIN_VALUE;
    private static final long NEVER_RAN_WAIT_MILLIS = 500;

    private static final VarHandle BUSY_SINCE;
    private static final VarHandle BUSY_SEQ;
    private static final VarHandle BUSY_THREAD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            BUSY_SINCE = lookup.findVarHandle(ReactorRuntime.class, "busySince", long.class);
            BUSY_SEQ = lookup.findVarHandle(ReactorRuntime.class, "busySeq", long.class);
            BUSY_THREAD = lookup.findVarHandle(ReactorRuntime.class, "busyThread", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private enum State {
        NEW,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private final Settings settings;
    private final String threadName;
    private final ThreadFactory threadFactory;
    private final ReactorLoop loop;
    /** Our own loop, or {@code null} when the application brought one. */
    private final OwnLoop ownLoop;

    private final TaskContext taskContext;
    /** {@link Settings#spin()} in nanoseconds. */
    final long spinNanos;
    /** The housekeeper's period. */
    private final long tickMillis;
    /**
     * How long before its deadline a virtual waiter that parked without a timer is woken by the housekeeper
     * (two periods), to park again with a timer for the exact rest: see {@link Eventual}.
     */
    final long untimedParkMarginNanos;
    /** Results not yet complete: stop completes them, so no waiter hangs until its timeout. */
    private final Set<Eventual<?>> pending = ConcurrentHashMap.newKeySet();

    private final Stash stash;
    private final Tracking tracking = new Tracking();
    private final Executor executor = this::executeOnReactor;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile State state = State.NEW;
    private ScheduledThreadPoolExecutor housekeeper;
    private volatile Thread housekeeperThread;
    private volatile boolean housekeeperRan;

    // The watchdog's view of the running task: written by the reactor thread, read by the housekeeper. Written
    // with release stores (no fence on every task, unlike volatile stores): the housekeeper needs no more than
    // to see, with a start time, the sequence number and thread written before it.
    private volatile long busySince = IDLE;
    private volatile long busySeq;
    private volatile Thread busyThread;
    private long taskSeq;
    private long reportedSeq = -1;

    // Counters for metrics(): LongAdder increments only, no allocation, no lock on the hot path.
    private final LongAdder tasksSubmitted = new LongAdder();
    private final LongAdder tasksRun = new LongAdder();
    private final LongAdder tasksFailed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder cancellations = new LongAdder();

    /**
     * Creates a reactor; it starts on {@link #start()} or on first use.
     *
     * @param settings the configuration
     * @param threadName the name of the reactor thread
     * @param threadFactory makes the reactor thread and the housekeeping thread (the server's
     *     {@code ManagedThreadFactory} where there is one)
     * @param appLoop a loop the application brought, or {@code null} for a thread of Bobbin's own
     * @param taskContext the context every task runs in
     */
    public ReactorRuntime(
            Settings settings,
            String threadName,
            ThreadFactory threadFactory,
            ReactorLoop appLoop,
            TaskContext taskContext) {
        this.settings = settings;
        this.threadName = threadName;
        this.threadFactory = threadFactory;
        this.ownLoop = appLoop == null ? new OwnLoop(this) : null;
        this.loop = appLoop == null ? ownLoop : appLoop;
        this.taskContext = appLoop == null ? taskContext.onOwnThread() : taskContext;
        this.spinNanos = settings.spin().toNanos();
        this.tickMillis =
                Math.max(10, Math.min(250, settings.watchdogThreshold().toMillis() / 4));
        this.untimedParkMarginNanos = TimeUnit.MILLISECONDS.toNanos(2 * tickMillis);
        this.stash = new Stash(settings.storeTtl().toNanos(), settings.storeMaxSize(), System::nanoTime);
    }

    // --- lifecycle ---

    /** Starts the reactor thread and the housekeeping; idempotent; never waits for the reactor. */
    public void start() {
        lifecycle.lock();
        try {
            if (state != State.NEW) {
                return;
            }
            if (ownLoop != null) {
                ownLoop.start(threadFactory, threadName);
            }
            housekeeper = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = threadFactory.newThread(() -> {
                    housekeeperRan = true;
                    runnable.run();
                });
                thread.setName(housekeeperName(threadName));
                housekeeperThread = thread;
                return thread;
            });
            housekeeper.setRemoveOnCancelPolicy(true);
            housekeeper.scheduleWithFixedDelay(this::housekeeping, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
            state = State.RUNNING;
        } finally {
            lifecycle.unlock();
        }
    }

    /** The housekeeper's name: never the reactor's, so threads named {@code bobbin-reactor…} are reactors. */
    static String housekeeperName(String reactorName) {
        return reactorName.contains("bobbin-reactor")
                ? reactorName.replace("bobbin-reactor", "bobbin-housekeeper")
                : reactorName + "-housekeeper";
    }

    /**
     * Stops the reactor: refuses new work at once, completes every pending result with
     * {@link dev.bobbin.ReactorStoppedException}, empties the store, and ends the threads within the
     * shutdown grace. Idempotent.
     */
    public void stop() {
        State was;
        lifecycle.lock();
        try {
            was = state;
            if (was == State.STOPPING || was == State.STOPPED) {
                return;
            }
            state = State.STOPPING; // from here on, submit() refuses (and re-checks after registering)
        } finally {
            lifecycle.unlock();
        }
        try {
            for (Eventual<?> result : pending) {
                result.stop();
            }
            stash.clear();
            if (was == State.RUNNING) {
                housekeeper.shutdownNow();
                if (ownLoop != null) {
                    ownLoop.close();
                    awaitEnd(ownLoop.thread(), ownLoop::hasRun);
                }
                // A terminated pool's worker may still be finishing: join it, so no thread outlives stop().
                awaitEnd(housekeeperThread, () -> housekeeperRan);
            }
        } finally {
            tracking.clear();
            try {
                taskContext.close();
            } catch (RuntimeException e) {
                Log.log(Log.REACTOR, Level.DEBUG, "closing the task context failed", e);
            }
            state = State.STOPPED;
        }
    }

    /**
     * Joins one of our threads, interrupting it after the grace. A thread that never ran our code is
     * waited for only briefly: a server may hold a managed thread until the application has started
     * (Open Liberty), which a failed start never does; once it runs, it sees the stop and ends at once.
     */
    private void awaitEnd(Thread thread, BooleanSupplier ran) {
        if (thread == null || thread == Thread.currentThread()) {
            return; // stopped from a task: the loop ends once this task returns
        }
        long grace = settings.shutdownGrace().toMillis();
        try {
            if (!ran.getAsBoolean()) {
                thread.join(Math.min(grace, NEVER_RAN_WAIT_MILLIS));
                if (thread.isAlive() && !ran.getAsBoolean()) {
                    Log.log(Log.REACTOR, Level.DEBUG, Messages.threadNeverRan(thread.getName()));
                    return;
                }
            }
            thread.join(grace);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            Log.log(Log.REACTOR, Level.WARNING, Messages.threadDidNotEnd(thread.getName(), grace));
        }
    }

    /**
     * Tells whether the reactor accepts work.
     *
     * @return {@code true} until stop begins
     */
    public boolean isRunning() {
        State current = state;
        return current == State.NEW || current == State.RUNNING;
    }

    /**
     * Tells whether the calling thread is this reactor's thread.
     *
     * @return {@code true} on it
     */
    public boolean isReactorThread() {
        return loop.inLoop();
    }

    /** @return the reactor's thread when Bobbin owns it, else {@code null} */
    public Thread ownThread() {
        return ownLoop == null ? null : ownLoop.thread();
    }

    /** @return the settings in force */
    public Settings settings() {
        return settings;
    }

    // --- calls ---

    /**
     * The {@code @WaitFor} call: runs {@code body} on the reactor thread and waits for its outcome.
     *
     * @param plan the method's plan
     * @param body the work
     * @return the value
     * @throws Exception the body's failure: unchecked or declared ones as they are, others wrapped
     */
    public Object waitFor(MethodPlan plan, Body body) throws Exception {
        Object outcome = waitForOutcome(
                plan.what,
                plan.primitiveReturn ? ReactorTask.WAIT_FOR_PRIMITIVE : ReactorTask.WAIT_FOR,
                plan.timeoutNanos,
                plan.timeoutText,
                body);
        if (outcome instanceof Failure failure) {
            if (failure.cause instanceof Exception checked && failure.thrown != checked && plan.declares(checked)) {
                throw checked;
            }
            throw failure.rethrow();
        }
        return outcome;
    }

    /**
     * Runs {@code body} on the reactor thread and waits for its raw outcome, cancelling it on timeout.
     *
     * @param timeout printed in the timeout message (only then made a string)
     */
    private Object waitForOutcome(String what, int kind, long nanos, Object timeout, Body body) {
        ReactorThreads.checkCanBlock(what);
        Eventual<?> result = submit(what, body, kind, false);
        Object outcome = result.outcomeWithin(nanos, true, what, timeout);
        if (outcome instanceof Failure) {
            result.markObserved();
        }
        return outcome;
    }

    /**
     * The {@code @RunInReactor} call: schedules {@code body} and returns the caller's result at once.
     *
     * @param plan the method's plan
     * @param body the work
     * @return the caller's result, or {@code null} for a {@code void} method
     */
    public EventualResult<?> runInReactor(MethodPlan plan, Body body) {
        Eventual<?> result = submit(plan.what, body, ReactorTask.FOLLOW, plan.isVoid);
        return plan.isVoid ? null : result;
    }

    /**
     * {@link dev.bobbin.Reactor#waitFor}.
     *
     * @param timeout how long to wait
     * @param body the work
     * @param <T> the value type
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public <T> T waitFor(Duration timeout, Supplier<? extends T> body) {
        String what = "Reactor#waitFor(timeout, body)";
        long nanos = Checks.positiveNanos(timeout, what);
        Checks.notNull(body, what, "body");
        return (T) programmaticWaitFor(what, nanos, timeout, () -> {
            Object value = body.get();
            if (value instanceof Uni
                    || value instanceof Multi
                    || value instanceof CompletionStage
                    || value instanceof Future) {
                throw Messages.asyncFromWaitFor(what, value);
            }
            return value;
        });
    }

    /**
     * {@link dev.bobbin.Reactor#waitForUni}.
     *
     * @param timeout how long to wait
     * @param body makes the work
     * @param <T> the item type
     * @return the item
     */
    @SuppressWarnings("unchecked")
    public <T> T waitForUni(Duration timeout, Supplier<Uni<T>> body) {
        String what = "Reactor#waitForUni(timeout, body)";
        long nanos = Checks.positiveNanos(timeout, what);
        Checks.notNull(body, what, "body");
        // Checked here: a null Uni must name this method, not WaitFor.Result.from, which the caller never called.
        return (T) programmaticWaitFor(
                what,
                nanos,
                timeout,
                () -> HandOff.handOver(Checks.notNull(body.get(), what, "the Uni the body returned"), "uni"));
    }

    private Object programmaticWaitFor(String what, long nanos, Duration timeout, Body body) {
        Object outcome = waitForOutcome(what, ReactorTask.WAIT_FOR, nanos, timeout, body);
        if (outcome instanceof Failure failure) {
            throw failure.rethrow(); // a Supplier throws no checked exception: as it failed, or wrapped once
        }
        return outcome;
    }

    /**
     * {@link dev.bobbin.Reactor#runInReactor}.
     *
     * @param body the work
     * @param <T> the value type
     * @return the caller's result
     */
    @SuppressWarnings("unchecked")
    public <T> EventualResult<T> runInReactor(Supplier<? extends EventualResult<T>> body) {
        String what = "Reactor#runInReactor(body)";
        Checks.notNull(body, what, "body");
        return (EventualResult<T>) submit(what, body::get, ReactorTask.FOLLOW, false);
    }

    /** @return an executor onto the reactor thread */
    public Executor executor() {
        return executor;
    }

    private void executeOnReactor(Runnable task) {
        String what = "Reactor#executor()";
        Checks.notNull(task, what, "task");
        if (state != State.RUNNING) {
            startOrRefuse(what);
        }
        tasksSubmitted.increment();
        try {
            loop.execute(new ReactorTask(this, task));
        } catch (RejectedExecutionException e) {
            tasksSubmitted.decrement();
            throw Messages.refusedAfterStop(what);
        }
    }

    private Eventual<?> submit(String what, Body body, int kind, boolean fireAndForget) {
        if (state != State.RUNNING) {
            startOrRefuse(what);
        }
        Eventual<?> result = new Eventual<>(this, what, fireAndForget);
        // Read before the task is queued: an idle reactor answers within a spin, a busy one is better waited for.
        result.callerMaySpin = spinNanos > 0 && ownLoop != null && ownLoop.idle();
        // The reactor spins after a task only for a platform caller (OwnLoop); a virtual one needs the CPU.
        result.fromVirtual = ReactorThreads.isVirtual(Thread.currentThread());
        pending.add(result);
        // Dekker with stop(): we register then read the state, stop writes the state then reads `pending`.
        if (state != State.RUNNING) {
            pending.remove(result);
            throw Messages.refusedAfterStop(what);
        }
        tasksSubmitted.increment();
        try {
            loop.execute(new ReactorTask(this, result, body, kind));
        } catch (RejectedExecutionException e) {
            tasksSubmitted.decrement();
            pending.remove(result);
            throw Messages.refusedAfterStop(what);
        }
        return result;
    }

    private void startOrRefuse(String what) {
        if (state == State.NEW) {
            start(); // a call that came before the container's Startup event
        }
        if (state != State.RUNNING) {
            throw Messages.refusedAfterStop(what);
        }
    }

    /** Runs {@code task} on the reactor thread; {@code false} when the reactor no longer takes work. */
    boolean runOnReactor(Runnable task) {
        if (state != State.RUNNING) {
            return false;
        }
        tasksSubmitted.increment();
        try {
            loop.execute(new ReactorTask(this, task));
            return true;
        } catch (RejectedExecutionException e) {
            tasksSubmitted.decrement();
            return false;
        }
    }

    /** Called on Bobbin's own reactor thread as its loop ends. */
    void loopEnded() {
        try {
            taskContext.release();
        } catch (RuntimeException e) {
            Log.log(Log.REACTOR, Level.WARNING, "ending the request context of the reactor thread failed", e);
        }
    }

    /** Runs one task on the reactor thread, inside the task context, watched by the watchdog. */
    void run(ReactorTask task) {
        boolean appLoop = ownLoop == null;
        if (appLoop) {
            ReactorThreads.enter(this);
        }
        Thread current = Thread.currentThread();
        if (busyThread != current) { // once on our own thread; on an application's loop, whenever it changes
            BUSY_THREAD.setRelease(this, current);
        }
        BUSY_SEQ.setRelease(this, ++taskSeq);
        BUSY_SINCE.setRelease(this, System.nanoTime());
        tasksRun.increment();
        boolean activated = false;
        try {
            activated = taskContext.activate();
            task.execute();
        } catch (Throwable failure) {
            tasksFailed.increment();
            task.failed(failure);
        } finally {
            if (activated) {
                try {
                    taskContext.deactivate();
                } catch (RuntimeException e) {
                    Log.log(Log.REACTOR, Level.WARNING, "ending the request context of a task failed", e);
                }
            }
            BUSY_SINCE.setRelease(this, IDLE);
            if (appLoop) {
                ReactorThreads.exit();
                HandOff.forget(); // the application's thread outlives us: leave nothing of ours on it
            }
        }
    }

    // --- results ---

    void deregister(Eventual<?> result) {
        pending.remove(result);
    }

    void completed(Eventual<?> result, Object state) {
        if (state instanceof Failure failure && !failure.ours) {
            if (result.fireAndForget) {
                Log.log(Log.RESULTS, Level.WARNING, Messages.fireAndForgetFailed(result.what), failure.cause);
            } else if (!result.observed) {
                Tracking.Tracker tracker = tracking.track(result, failure.cause);
                result.tracker = tracker;
                if (result.observed) { // observed while we were tracking it
                    tracker.observed();
                }
            }
        }
    }

    String stash(Eventual<?> result) {
        if (!isRunning()) {
            throw Messages.refusedAfterStop("EventualResult#stash()");
        }
        return stash.put(result);
    }

    /**
     * {@link dev.bobbin.ResultStore#retrieve}.
     *
     * @param id the id
     * @return the stashed result, or empty
     */
    public Optional<EventualResult<?>> retrieve(String id) {
        return stash.take(id);
    }

    /** @return how many results are stashed */
    public int storeSize() {
        return stash.size();
    }

    /** @return how many results are pending */
    public int pendingCount() {
        return pending.size();
    }

    // --- metrics and health ---

    void timedOut() {
        timeouts.increment();
    }

    void cancelled() {
        cancellations.increment();
    }

    /**
     * {@link dev.bobbin.Reactor#metrics()}.
     *
     * @return a snapshot of the counters
     */
    public ReactorMetrics metrics() {
        long submitted = tasksSubmitted.sum();
        long run = tasksRun.sum();
        boolean running = isRunning();
        return new ReactorMetrics(
                running,
                submitted,
                run,
                tasksFailed.sum(),
                timeouts.sum(),
                cancellations.sum(),
                state == State.RUNNING ? Math.max(0, submitted - run) : 0,
                pending.size(),
                stash.size());
    }

    /**
     * Tells whether the reactor has started and is not stopping: it runs work now.
     *
     * @return {@code true} between start and the beginning of stop
     */
    public boolean isStarted() {
        return state == State.RUNNING;
    }

    /**
     * Measures whether the reactor answers: runs a no-op task on it and waits at most {@code timeout}. On a
     * thread that must not block (a reactor or an event loop) it does not wait and judges from the
     * watchdog's view instead (no task has held the reactor longer than {@code timeout}).
     *
     * @param timeout how long the reactor may take
     * @return the nanoseconds the reactor took to answer, or {@code -1} when it did not answer in time or
     *     is not running
     */
    public long probe(Duration timeout) {
        long nanos = Checks.positiveNanos(timeout, "ReactorRuntime#probe(timeout)");
        if (state != State.RUNNING) {
            return -1;
        }
        if (ReactorThreads.isAnyReactorThread() || !Infrastructure.canCallerThreadBeBlocked()) {
            long since = busySince;
            long busy = since == IDLE ? 0 : System.nanoTime() - since;
            return busy <= nanos ? busy : -1;
        }
        long start = System.nanoTime();
        CountDownLatch answered = new CountDownLatch(1);
        if (!runOnReactor(answered::countDown)) {
            return -1;
        }
        try {
            return answered.await(nanos, TimeUnit.NANOSECONDS) ? System.nanoTime() - start : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** @return how many failed results are tracked for the unobserved-failure log */
    int trackedCount() {
        return tracking.size();
    }

    /** Runs the housekeeping now (tests). */
    void housekeepingNow() {
        housekeeping();
    }

    // --- housekeeping: watchdog, store expiry, unobserved failures, timer-less waiters ---

    private void housekeeping() {
        try {
            watch();
            stash.expire();
            tracking.drain();
            long now = System.nanoTime();
            for (Eventual<?> result : pending) {
                result.wakeUntimedWaiterIfDue(now);
            }
        } catch (Throwable e) {
            // An exception would cancel the periodic task for good.
            Log.log(Log.REACTOR, Level.WARNING, "housekeeping failed", e);
        }
    }

    private void watch() {
        long since = busySince;
        if (since == IDLE) {
            return;
        }
        long seq = busySeq;
        long busyNanos = System.nanoTime() - since;
        if (seq != reportedSeq && busyNanos > settings.watchdogThreshold().toNanos()) {
            reportedSeq = seq;
            Thread thread = busyThread;
            ReactorBlocked stack = new ReactorBlocked(thread.getName());
            stack.setStackTrace(thread.getStackTrace());
            Log.log(
                    Log.WATCHDOG,
                    Level.WARNING,
                    Messages.reactorBlocked(
                            thread.getName(),
                            TimeUnit.NANOSECONDS.toMillis(busyNanos),
                            settings.watchdogThreshold().toMillis()),
                    stack);
        }
    }

    /** Carries the stack of a reactor thread that holds one task too long, for the watchdog's report. */
    static final class ReactorBlocked extends Throwable {
        private static final long serialVersionUID = 1L;

        ReactorBlocked(String thread) {
            super("stack of reactor thread '" + thread + "'", null, false, true);
        }
    }

    @Override
    public String toString() {
        return "ReactorRuntime[" + threadName + ", " + state + ", loop=" + loop + "]";
    }
}
