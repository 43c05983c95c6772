package dev.bobbin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorMetrics;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.CapturedLogs;
import dev.bobbin.testing.Threads;

/**
 * The soak test: {@value #DEFAULT_CALLERS} callers run {@code bobbin.soak.operations} (default one million)
 * operations mixing every kind of call, while the container is restarted {@code bobbin.soak.restarts}
 * times under them. Every operation is accounted for: it ends in its expected outcome, or in
 * {@link ReactorStoppedException} only while its container was stopping; no body runs twice; no caller
 * waits past its timeout plus a grace; afterwards no thread is left and the heap is back to its baseline.
 * <p>
 * {@code ./mvnw -B test -Dinvoker.skip -Dtest=SoakTest -Dbobbin.soak.operations=1000000}; the figures are
 * printed at the end (see RELIABILITY.md).
 */
class SoakTest {
    static final int DEFAULT_CALLERS = 64;
    private static final long OPERATIONS = Long.getLong("bobbin.soak.operations", 1_000_000);
    private static final int CALLERS = Integer.getInteger("bobbin.soak.callers", DEFAULT_CALLERS);
    private static final int RESTARTS = Integer.getInteger("bobbin.soak.restarts", 5);
    /** The run stops taking operations after this and fails: the whole test must stay under 3 minutes. */
    private static final Duration BUDGET = Duration.parse(System.getProperty("bobbin.soak.budget", "PT140S"));
    /** How far past its own timeout a caller may come back (a loaded 2-vCPU machine schedules slowly). */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration AWAIT_OR_CANCEL = Duration.ofMillis(5);
    private static final long HEAP_MARGIN = 24L << 20;

    enum Kind {
        WAIT_OK(LONG),
        WAIT_FAIL(LONG),
        WAIT_TIMEOUT(Duration.ofMillis(Workload.NEVER_TIMEOUT_MILLIS)),
        RUN_AWAIT(LONG),
        RUN_CANCEL(LONG),
        RUN_STASH(LONG),
        RUN_FAIL(LONG),
        RUN_AWAIT_OR_CANCEL(AWAIT_OR_CANCEL);

        final Duration timeout;

        Kind(Duration timeout) {
            this.timeout = timeout;
        }
    }

    enum Outcome {
        VALUE,
        FAILURE,
        TIMEOUT,
        CANCELLED,
        STOPPED,
        WRONG
    }

    /** The mix, per 100 operations. */
    static Kind kindOf(long op) {
        int slot = (int) ((op * 0x9E3779B97F4A7C15L) >>> 57) % 100; // spread kinds over callers and time
        if (slot < 38) {
            return Kind.WAIT_OK;
        } else if (slot < 46) {
            return Kind.WAIT_FAIL;
        } else if (slot < 49) {
            return Kind.WAIT_TIMEOUT;
        } else if (slot < 72) {
            return Kind.RUN_AWAIT;
        } else if (slot < 80) {
            return Kind.RUN_CANCEL;
        } else if (slot < 90) {
            return Kind.RUN_STASH;
        } else if (slot < 96) {
            return Kind.RUN_FAIL;
        }
        return Kind.RUN_AWAIT_OR_CANCEL;
    }

    static Outcome expected(Kind kind) {
        return switch (kind) {
            case WAIT_OK, RUN_AWAIT, RUN_STASH -> Outcome.VALUE;
            case WAIT_FAIL, RUN_FAIL -> Outcome.FAILURE;
            case WAIT_TIMEOUT, RUN_AWAIT_OR_CANCEL -> Outcome.TIMEOUT;
            case RUN_CANCEL -> Outcome.CANCELLED;
        };
    }

    /** One container (application) and the callers inside it. */
    static final class Generation {
        final int number;
        final WeldContainer container;
        final Workload workload;
        final ResultStore store;
        final Reactor reactor;
        final BobbinRuntime bobbin;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean retiring;
        ReactorMetrics metrics;

        Generation(int number) {
            this.number = number;
            this.container = BobbinWeld.weld(Workload.class).initialize();
            this.workload = container.select(Workload.class).get();
            this.store = container.select(ResultStore.class).get();
            this.reactor = container.select(Reactor.class).get();
            this.bobbin = container.select(BobbinRuntime.class).get();
        }
    }

    /** A failure without a stack: cheap enough for a hundred thousand of them. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(long op) {
            super("failure of operation " + op, null, false, false);
        }
    }

    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final List<Generation> generations = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final LongAdder issued = new LongAdder();
    private final Map<Kind, Map<Outcome, LongAdder>> outcomes = new EnumMap<>(Kind.class);
    private final Map<Kind, LongAccumulator> slowest = new EnumMap<>(Kind.class);
    private final LongAdder tooSlow = new LongAdder();
    private final LongAdder spuriousStops = new LongAdder();
    private final ConcurrentLinkedQueue<String> wrongSamples = new ConcurrentLinkedQueue<>();
    private final LongAdder wrong = new LongAdder();
    private final List<Long> drainMillis = new ArrayList<>();
    private volatile long deadline;
    private Ledger ledger;

    SoakTest() {
        for (Kind kind : Kind.values()) {
            Map<Outcome, LongAdder> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, new LongAdder());
            }
            outcomes.put(kind, byOutcome);
            slowest.put(kind, new LongAccumulator(Math::max, 0));
        }
    }

    @Test
    void millionsOfMixedCalls_withRestarts_loseNothing_duplicateNothing_leakNothing() throws Exception {
        long began = System.nanoTime();
        warmUp();
        ledger = Ledger.reset(OPERATIONS);
        Set<Thread> threadsBefore = liveThreads();
        long heapBefore = usedHeapAfterGc();

        ExecutorService callers = Executors.newFixedThreadPool(CALLERS, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setName("soak-caller-" + thread.getId());
            thread.setDaemon(true);
            return thread;
        });
        long step = OPERATIONS / (RESTARTS + 1);
        CountDownLatch[] restartAt = new CountDownLatch[RESTARTS];
        for (int i = 0; i < RESTARTS; i++) {
            restartAt[i] = new CountDownLatch(1);
        }
        long runStart;
        long runNanos;
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            start(1);
            deadline = System.nanoTime() + BUDGET.toNanos();
            runStart = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                running.add(callers.submit(() -> call(step, restartAt)));
            }
            for (int i = 0; i < RESTARTS; i++) {
                if (!restartAt[i].await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break; // over budget: reported below
                }
                restart(i + 2);
            }
            for (Future<?> caller : running) {
                // No caller may be stuck: each ends within the budget plus its longest timeout and a grace.
                caller.get(
                        Math.max(1, deadline - System.nanoTime()) + LONG.toNanos() + GRACE.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            runNanos = System.nanoTime() - runStart;
            retire(current.get());

            assertThat(logs.records())
                    .as("nothing logged at ERROR: no unobserved failure, no broken housekeeping")
                    .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
            assertThat(logs.problems("did not end")).isEmpty();
            report(runNanos, logs.problems("has been running one task").size());
        } finally {
            callers.shutdownNow();
            for (Generation generation : generations) {
                if (generation.container.isRunning()) {
                    generation.container.close(); // only when an assertion failed mid-run
                }
            }
        }
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(wrongSamples)
                .as("operations that ended in an undocumented way")
                .isEmpty();
        assertThat(wrong.sum()).isZero();
        assertThat(issued.sum())
                .as(
                        "operations run within the %s budget (raise bobbin.soak.budget or lower"
                                + " bobbin.soak.operations on a slow machine)",
                        BUDGET)
                .isEqualTo(OPERATIONS);
        long accounted = outcomes.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
        assertThat(accounted).as("every operation ended exactly once").isEqualTo(issued.sum());
        assertThat(ledger.duplicates.sum()).as("bodies run twice").isZero();
        assertThat(spuriousStops.sum())
                .as("ReactorStoppedException outside a restart")
                .isZero();
        assertThat(tooSlow.sum())
                .as("callers back later than their timeout + %s", GRACE)
                .isZero();
        for (Kind kind : Kind.values()) {
            assertThat(outcomes.get(kind).get(expected(kind)).sum())
                    .as("%s operations that ended as expected", kind)
                    .isPositive();
        }
        long timeouts = outcomes.values().stream()
                .mapToLong(m -> m.get(Outcome.TIMEOUT).sum())
                .sum();
        assertThat(generations.stream().mapToLong(g -> g.metrics.timeouts()).sum())
                .as("timeouts counted by the metrics")
                .isEqualTo(timeouts);
        assertThat(generations.stream()
                        .mapToLong(g -> g.metrics.cancellations())
                        .sum())
                .as("cancellations counted by the metrics")
                .isGreaterThanOrEqualTo(
                        outcomes.get(Kind.RUN_CANCEL).get(Outcome.CANCELLED).sum());
        assertThat(generations).allSatisfy(g -> {
            assertThat(g.metrics.pendingResults()).isZero();
            assertThat(g.metrics.storeSize()).isZero();
            assertThat(g.metrics.queueDepth()).isZero();
        });

        assertThat(Threads.bobbinThreads()).as("Bobbin threads left").isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveThreads())
                .as("threads started by the run and still alive")
                .isSubsetOf(threadsBefore));
        long[] heapAfter = {0};
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    heapAfter[0] = usedHeapAfterGc();
                    return heapAfter[0] <= heapBefore + HEAP_MARGIN;
                });
        System.out.printf(
                "SOAK heap: baseline %.1f MiB, after %.1f MiB; threads before %d, after %d; total %.1f s%n",
                heapBefore / 1048576.0,
                heapAfter[0] / 1048576.0,
                threadsBefore.size(),
                liveThreads().size(),
                (System.nanoTime() - began) / 1e9);
    }

    private void call(long step, CountDownLatch[] restartAt) {
        long op;
        while ((op = next.getAndIncrement()) < OPERATIONS) {
            if (step > 0 && op > 0 && op % step == 0 && op / step <= restartAt.length) {
                restartAt[(int) (op / step) - 1].countDown();
            }
            if (System.nanoTime() - deadline > 0) {
                return; // over budget: the test fails on the count
            }
            issued.increment();
            Kind kind = kindOf(op);
            Generation generation = enter();
            long start = System.nanoTime();
            Outcome outcome;
            try {
                outcome = run(generation, kind, op);
            } catch (ReactorStoppedException e) {
                if (generation.retiring) {
                    outcome = Outcome.STOPPED;
                } else {
                    spuriousStops.increment();
                    outcome = wrong(op, kind, "stopped outside a restart: " + e);
                }
            } catch (Throwable e) {
                outcome = wrong(op, kind, "threw " + e);
            } finally {
                generation.inFlight.decrementAndGet();
            }
            long took = System.nanoTime() - start;
            outcomes.get(kind).get(outcome).increment();
            slowest.get(kind).accumulate(took);
            if (took > kind.timeout.toNanos() + GRACE.toNanos()) {
                tooSlow.increment();
            }
        }
    }

    private Generation enter() {
        while (true) {
            Generation generation = current.get();
            generation.inFlight.incrementAndGet();
            // Dekker with retire(): we count ourselves in, then read `retiring`; it writes it, then counts.
            if (!generation.retiring) {
                return generation;
            }
            generation.inFlight.decrementAndGet();
            Thread.onSpinWait(); // the next generation is already published
        }
    }

    private Outcome run(Generation g, Kind kind, long op) {
        switch (kind) {
            case WAIT_OK: {
                long value = g.workload.echo(op);
                return value == op ? Outcome.VALUE : wrong(op, kind, "returned " + value);
            }
            case WAIT_FAIL: {
                Failed failure = new Failed(op);
                try {
                    g.workload.fail(op, failure);
                    return wrong(op, kind, "returned");
                } catch (Failed e) {
                    return e == failure ? Outcome.FAILURE : wrong(op, kind, "another failure " + e);
                }
            }
            case WAIT_TIMEOUT: {
                try {
                    return wrong(op, kind, "returned " + g.workload.never(op));
                } catch (ReactorTimeoutException e) {
                    return e.getMessage().equals("Workload#never(long): no result within 20 ms; the work was cancelled")
                            ? Outcome.TIMEOUT
                            : wrong(op, kind, "message " + e.getMessage());
                }
            }
            case RUN_AWAIT: {
                Long value = g.workload.later(op).await(LONG);
                return value != null && value == op ? Outcome.VALUE : wrong(op, kind, "awaited " + value);
            }
            case RUN_CANCEL: {
                EventualResult<Long> result = g.workload.pending(op);
                result.cancel();
                try {
                    return wrong(op, kind, "awaited " + result.await(LONG));
                } catch (CancellationException e) {
                    return e.getMessage().equals("Workload#pending(long): cancelled")
                            ? Outcome.CANCELLED
                            : wrong(op, kind, "message " + e.getMessage());
                }
            }
            case RUN_STASH: {
                EventualResult<Long> result = g.workload.later(op);
                String id = result.stash();
                Optional<EventualResult<?>> retrieved = g.store.retrieve(id);
                if (retrieved.isEmpty()) {
                    // stop empties the store: only then may a stashed result be gone
                    return g.retiring ? Outcome.STOPPED : wrong(op, kind, "stashed result lost");
                }
                if (retrieved.get() != result) {
                    return wrong(op, kind, "retrieved another result");
                }
                if (g.store.retrieve(id).isPresent()) {
                    return wrong(op, kind, "retrieved twice");
                }
                Long value = result.await(LONG);
                return value != null && value == op ? Outcome.VALUE : wrong(op, kind, "awaited " + value);
            }
            case RUN_FAIL: {
                Failed failure = new Failed(op);
                EventualResult<Long> result = g.workload.failLater(op, failure);
                try {
                    return wrong(op, kind, "awaited " + result.await(LONG));
                } catch (Failed e) {
                    return e == failure && result.originalFailure().orElse(null) == failure
                            ? Outcome.FAILURE
                            : wrong(op, kind, "another failure " + e);
                }
            }
            case RUN_AWAIT_OR_CANCEL: {
                EventualResult<Long> result = g.workload.pending(op);
                try {
                    return wrong(op, kind, "awaited " + result.awaitOrCancel(AWAIT_OR_CANCEL));
                } catch (ReactorTimeoutException e) {
                    if (!result.isDone()) {
                        return wrong(op, kind, "not cancelled after awaitOrCancel timed out");
                    }
                    try {
                        result.await(Duration.ZERO);
                        return wrong(op, kind, "a value after cancellation");
                    } catch (CancellationException cancelled) {
                        return Outcome.TIMEOUT;
                    }
                }
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private Outcome wrong(long op, Kind kind, String what) {
        wrong.increment();
        if (wrongSamples.size() < 20) {
            wrongSamples.add("op " + op + " " + kind + ": " + what);
        }
        return Outcome.WRONG;
    }

    private void start(int number) {
        Generation generation = new Generation(number);
        generations.add(generation);
        current.set(generation);
    }

    private void restart(int number) {
        Generation old = current.get();
        start(number); // published before the old one retires, so callers move on at once
        retire(old);
    }

    /** Stops the reactor under the callers still in flight, waits for them to leave, closes the container. */
    private void retire(Generation old) {
        old.retiring = true;
        long stoppedAt = System.nanoTime();
        old.bobbin.runtime().stop(); // what the container's Shutdown does, while callers are still inside
        await().atMost(LONG).pollInterval(Duration.ofMillis(1)).until(() -> old.inFlight.get() == 0);
        drainMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt));
        old.metrics = old.reactor.metrics();
        old.container.close();
    }

    private static void warmUp() {
        try (WeldContainer container = BobbinWeld.weld(Workload.class).initialize()) {
            Workload workload = container.select(Workload.class).get();
            for (int i = 0; i < 2_000; i++) {
                workload.echo(-1);
                workload.later(-1).await(LONG);
            }
        }
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("awaitility")) // the thread checking the condition
                .collect(Collectors.toSet());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void report(long runNanos, int watchdogReports) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "SOAK %d operations by %d callers in %.1f s (%.0f ops/s), %d containers (%d restarts under load)%n",
                issued.sum(),
                CALLERS,
                runNanos / 1e9,
                issued.sum() / (runNanos / 1e9),
                generations.size(),
                generations.size() - 1));
        for (Kind kind : Kind.values()) {
            text.append(String.format("  %-20s", kind));
            outcomes.get(kind).forEach((outcome, count) -> {
                if (count.sum() > 0) {
                    text.append(' ').append(outcome).append('=').append(count.sum());
                }
            });
            text.append(String.format(
                    "  slowest %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(slowest.get(kind).get())));
        }
        text.append(String.format(
                "  bodies run %d, run twice %d, upstream cancellations %d, wrong %d, spurious stops %d,"
                        + " callers late %d, in-flight calls drained %s ms after each stop, watchdog reports %d%n",
                ledger.bodies.sum(),
                ledger.duplicates.sum(),
                ledger.upstreamCancellations.sum(),
                wrong.sum(),
                spuriousStops.sum(),
                tooSlow.sum(),
                drainMillis,
                watchdogReports));
        for (Generation g : generations) {
            text.append("  container ")
                    .append(g.number)
                    .append(": ")
                    .append(g.metrics)
                    .append('\n');
        }
        System.out.print(text);
    }
}
