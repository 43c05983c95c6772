package dev.bobbin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.testing.CapturedLogs;
import dev.bobbin.testing.Threads;
import io.smallrye.mutiny.Uni;

class ReactorRuntimeTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private final List<ReactorRuntime> runtimes = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    private ReactorRuntime runtime(Settings settings) {
        ReactorRuntime runtime = Runtimes.started(settings);
        runtimes.add(runtime);
        return runtime;
    }

    private ReactorRuntime runtime() {
        return runtime(Settings.DEFAULTS);
    }

    @AfterEach
    void stopAll() {
        runtimes.forEach(ReactorRuntime::stop);
        pool.shutdownNow();
    }

    @Test
    void aFailingTask_neverKillsTheReactor() {
        ReactorRuntime runtime = runtime();
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            runtime.executor().execute(() -> {
                throw new OutOfMemoryError("simulated");
            });
            assertThat(runtime.waitFor(LONG, () -> "alive")).isEqualTo("alive");
            assertThat(logs.problems("a task on the reactor thread failed")).hasSize(1);
        }
    }

    @Test
    void aTaskThatLeavesItsInterruptFlag_doesNotLeakItIntoTheNext() {
        ReactorRuntime runtime = runtime();
        runtime.executor().execute(() -> Thread.currentThread().interrupt());
        assertThat(runtime.waitFor(LONG, () -> Thread.currentThread().isInterrupted()))
                .isFalse();
    }

    @Test
    void watchdog_reportsATaskThatHoldsTheReactor_withItsStack() throws Exception {
        ReactorRuntime runtime = runtime(Runtimes.settings(Duration.ofMillis(100), Duration.ofSeconds(5)));
        CountDownLatch release = new CountDownLatch(1);
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            runtime.executor().execute(() -> holdTheReactor(release));
            await().atMost(LONG)
                    .until(() -> !logs.problems("has been running one task").isEmpty());
            var report = logs.problems("has been running one task").get(0);
            assertThat(report.getMessage())
                    .startsWith("reactor thread 'bobbin-reactor-unit' has been running one task for");
            assertThat(report.getThrown().getStackTrace())
                    .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("holdTheReactor"));
            release.countDown();
            assertThat(runtime.waitFor(LONG, () -> "recovered")).isEqualTo("recovered");
            assertThat(logs.problems("has been running one task"))
                    .as("reported once")
                    .hasSize(1);
        } finally {
            release.countDown();
        }
    }

    private static void holdTheReactor(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void stop_isBounded_evenWhenATaskBlocksTheReactor() throws Exception {
        ReactorRuntime runtime = runtime(Runtimes.settings(Duration.ofSeconds(30), Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);
        EventualResult<Object> blocked = runtime.runInReactor(() -> {
            started.countDown();
            holdTheReactor(new CountDownLatch(1)); // returns when interrupted by stop
            return EventualResult.of("late");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        runtime.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
        assertThatThrownBy(() -> blocked.await(LONG)).isExactlyInstanceOf(ReactorStoppedException.class);
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void afterStop_everythingIsRefusedAtOnce() {
        ReactorRuntime runtime = runtime();
        runtime.stop();
        runtime.stop(); // idempotent
        assertThat(runtime.isRunning()).isFalse();
        assertThatThrownBy(() -> runtime.executor().execute(() -> {}))
                .isExactlyInstanceOf(ReactorStoppedException.class)
                .hasMessage("Reactor#executor(): the reactor has stopped (the application is stopping)");
        assertThatThrownBy(() -> runtime.waitFor(LONG, () -> 1)).isExactlyInstanceOf(ReactorStoppedException.class);
        assertThatThrownBy(() -> runtime.runInReactor(() -> EventualResult.of(1)))
                .isExactlyInstanceOf(ReactorStoppedException.class);
    }

    @Test
    void aStoppedReactor_isReplacedByANewWorkingOne() {
        ReactorRuntime first = runtime();
        Thread firstThread = first.waitFor(LONG, Thread::currentThread);
        first.stop();
        ReactorRuntime second = runtime();
        assertThat(second.waitFor(LONG, Thread::currentThread)).isNotSameAs(firstThread);
    }

    @Test
    void stop_failsStashedResults_andLogsTheirUnobservedFailures() {
        ReactorRuntime runtime = runtime();
        EventualResult<Object> failed =
                runtime.runInReactor(() -> EventualResult.failed(new IllegalStateException("x")));
        await().atMost(LONG).until(failed::isDone);
        String id = failed.stash();
        EventualResult<Object> pending =
                runtime.runInReactor(() -> EventualResult.from(Uni.createFrom().nothing()));
        pending.stash();
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            runtime.stop();
            assertThat(logs.problems("stashed result dropped at stop")).hasSize(1);
        }
        assertThat(runtime.retrieve(id)).isEmpty();
        assertThatThrownBy(() -> pending.await(LONG)).isExactlyInstanceOf(ReactorStoppedException.class);
    }

    @Test
    void unobservedFailures_areLoggedOnce_whenTheResultIsCollected_andObservedOnesNever() {
        ReactorRuntime runtime = runtime();
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            EventualResult<Object> observed =
                    runtime.runInReactor(() -> EventualResult.failed(new IllegalStateException("seen")));
            await().atMost(LONG).until(observed::isDone);
            assertThat(observed.originalFailure()).isPresent();
            EventualResult<Object> cancelled = runtime.runInReactor(
                    () -> EventualResult.from(Uni.createFrom().nothing()));
            cancelled.cancel();
            dropAFailedResult(runtime);
            await().atMost(LONG).pollInterval(Duration.ofMillis(50)).until(() -> {
                System.gc();
                runtime.housekeepingNow();
                return !logs.problems("nobody observed").isEmpty();
            });
            assertThat(logs.problems("nobody observed")).singleElement().satisfies(r -> {
                assertThat(r.getMessage())
                        .isEqualTo("Reactor#runInReactor(body): failed and nobody observed the failure"
                                + " (no await, originalFailure() or stash retrieval)");
                assertThat(r.getThrown()).hasMessage("lost");
            });
            assertThat(observed.isDone()).isTrue(); // keeps it reachable until here
            assertThat(runtime.trackedCount()).isZero();
        }
    }

    private static void dropAFailedResult(ReactorRuntime runtime) {
        EventualResult<Object> lost =
                runtime.runInReactor(() -> EventualResult.failed(new IllegalStateException("lost")));
        await().atMost(LONG).until(lost::isDone);
    }

    @Test
    void thirtyTwoCallers_allGetTheirOwnValue() throws Exception {
        ReactorRuntime runtime = runtime();
        int callers = 32;
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            results.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    int expected = caller * 1_000_000 + i;
                    if (runtime.waitFor(LONG, () -> expected) != expected) {
                        return false;
                    }
                    if (runtime.runInReactor(() -> EventualResult.of(expected)).await(LONG) != expected) {
                        return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runtime.pendingCount()).isZero();
    }

    /** Complete, fail, cancel and stop race; every observer sees one outcome, the same instances. */
    @Test
    void completeFailCancelAndStop_race_everyObserverSeesOneOutcome() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(6);
        try {
            for (int iteration = 0; iteration < 1_000; iteration++) {
                ReactorRuntime runtime = Runtimes.started(Settings.DEFAULTS);
                @SuppressWarnings("unchecked")
                Eventual<Object> result = (Eventual<Object>) (EventualResult<?>) runtime.runInReactor(
                        () -> EventualResult.from(Uni.createFrom().nothing()));
                Object value = new Object();
                RuntimeException failure = new IllegalStateException("failed");
                CyclicBarrier barrier = new CyclicBarrier(6);
                boolean stops = iterationStops(iteration);
                AtomicReference<Object> seenByWaiter = new AtomicReference<>();
                List<Future<?>> futures = List.of(
                        racers.submit(() -> race(barrier, () -> result.succeed(value))),
                        racers.submit(() -> race(barrier, () -> result.fail(failure))),
                        racers.submit(() -> race(barrier, result::cancel)),
                        racers.submit(() -> race(barrier, stops ? runtime::stop : () -> {})),
                        racers.submit(() -> race(barrier, () -> seenByWaiter.set(outcome(result)))),
                        racers.submit(() -> race(barrier, () -> {})));
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
                Object outcome = outcome(result);
                assertThat(outcome).isSameAs(seenByWaiter.get()).isSameAs(outcome(result));
                if (outcome == value) {
                    assertThat(result.originalFailure()).isEmpty();
                } else {
                    assertThat(outcome)
                            .isInstanceOfAny(
                                    IllegalStateException.class,
                                    CancellationException.class,
                                    ReactorStoppedException.class);
                    assertThat(result.originalFailure()).containsSame((Throwable) outcome);
                }
                runtime.stop();
                assertThat(runtime.pendingCount()).isZero();
            }
        } finally {
            racers.shutdownNow();
        }
    }

    private static boolean iterationStops(int iteration) {
        return iteration % 2 == 0;
    }

    private static Object outcome(Eventual<Object> result) {
        try {
            return result.await(LONG);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void race(CyclicBarrier barrier, Runnable action) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        action.run();
    }

    @Test
    void cancelRacingTheSubscription_alwaysCancelsTheUpstream() throws Exception {
        ReactorRuntime runtime = runtime();
        for (int iteration = 0; iteration < 1_000; iteration++) {
            AtomicBoolean subscribed = new AtomicBoolean();
            AtomicBoolean cancelled = new AtomicBoolean();
            CountDownLatch go = new CountDownLatch(1);
            EventualResult<Object> result = runtime.runInReactor(() -> {
                try {
                    go.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return EventualResult.from(
                        Uni.createFrom().nothing().onCancellation().invoke(() -> cancelled.set(true)));
            });
            Future<?> canceller = pool.submit(result::cancel);
            go.countDown();
            canceller.get(10, TimeUnit.SECONDS);
            // Either the body was skipped (nothing subscribed) or the subscription was cancelled.
            runtime.waitFor(LONG, () -> null); // everything queued before has run
            assertThat(result.isDone()).isTrue();
            assertThat(result.originalFailure()).get().isInstanceOf(CancellationException.class);
            assertThat(runtime.pendingCount()).isZero();
            // The cancellation task runs after the body on the reactor: once it ran, a subscription that
            // happened was cancelled.
            runtime.waitFor(LONG, () -> null);
            assertThat(!subscribed.get() || cancelled.get())
                    .as("iteration %d: subscribed=%s cancelled=%s", iteration, subscribed, cancelled)
                    .isTrue();
        }
    }

    @Test
    void anIdleReactor_spinsOnlyBriefly_thenParks() throws Exception {
        // The longest spin allowed: were the spin unbounded, the thread would never reach WAITING.
        ReactorRuntime runtime = runtime(Runtimes.spinning(Settings.MAX_SPIN));
        for (int i = 0; i < 100; i++) {
            assertThat(runtime.waitFor(LONG, () -> "answered")).isEqualTo("answered");
        }
        await().atMost(LONG).until(() -> runtime.ownThread().getState() == Thread.State.WAITING);
    }

    @Test
    void withoutSpinning_callsAreAnsweredAsWell() throws Exception {
        ReactorRuntime runtime = runtime(Runtimes.spinning(Duration.ZERO));
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                String last = null;
                for (int j = 0; j < 500; j++) {
                    last = runtime.waitFor(LONG, () -> "answered");
                }
                return last;
            }));
        }
        for (Future<String> call : calls) {
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("answered");
        }
        await().atMost(LONG).until(() -> runtime.ownThread().getState() == Thread.State.WAITING);
    }
}
