package dev.bobbin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.health.ReactorLivenessCheck;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.CapturedLogs;
import dev.bobbin.testing.Threads;

/** Faults injected into a real Weld SE application: Bobbin reports them, contains them, and recovers. */
class FaultInjectionTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    /** How late a caller may come back after its own timeout on a loaded 2-vCPU machine. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void aBodyThatBlocksTheReactor_isReported_withItsStack_callersTimeOut_andTheReactorRecovers() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin");
                WeldContainer container =
                        Configured.container(Map.of("bobbin.watchdog.threshold", "200ms"), Faults.class)) {
            Faults faults = container.select(Faults.class).get();
            ReactorLivenessCheck liveness = container
                    .select(ReactorLivenessCheck.class, Liveness.Literal.INSTANCE)
                    .get();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> holder = callers.submit(() -> faults.holdTheReactor(started, release));
            try {
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

                // 32 callers queue behind the blocked task: each times out on its own 300 ms, none hangs.
                List<Future<Long>> waits = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    String value = "v" + i;
                    waits.add(callers.submit(() -> {
                        long start = System.nanoTime();
                        assertThatThrownBy(() -> faults.quick(value))
                                .isExactlyInstanceOf(ReactorTimeoutException.class)
                                .hasMessage("Faults#quick(String): no result within 300 ms; the work was cancelled");
                        return System.nanoTime() - start;
                    }));
                }
                for (Future<Long> wait : waits) {
                    assertThat(Duration.ofNanos(wait.get(30, TimeUnit.SECONDS)))
                            .isLessThan(Duration.ofMillis(300).plus(GRACE));
                }

                await().atMost(LONG)
                        .until(() -> !logs.problems("has been running one task").isEmpty());
                LogRecord report = logs.problems("has been running one task").get(0);
                assertThat(report.getLoggerName()).isEqualTo("dev.bobbin.watchdog");
                assertThat(report.getMessage())
                        .matches("reactor thread 'bobbin-reactor-[^']+' has been running one task for \\d+ ms"
                                + " \\(threshold 200 ms, bobbin.watchdog.threshold\\); a task must not block the"
                                + " reactor. Its stack:");
                assertThat(report.getThrown().getStackTrace())
                        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("holdTheReactor"));
                assertThat(liveness.call().getStatus())
                        .as("liveness while blocked")
                        .isEqualTo(HealthCheckResponse.Status.DOWN);
            } finally {
                release.countDown();
            }
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("released");
            assertThat(faults.echo("recovered")).isEqualTo("recovered");
            assertThat(faults.quickBodiesRun())
                    .as("timed-out bodies are skipped, not run late")
                    .isZero();
            // (awaited: on a loaded machine one probe may miss the 200 ms threshold)
            await().atMost(LONG).until(() -> liveness.call().getStatus() == HealthCheckResponse.Status.UP);
            assertThat(logs.problems("has been running one task"))
                    .as("one report per task")
                    .hasSize(1);
            assertThat(container.select(Reactor.class).get().metrics().timeouts())
                    .isEqualTo(32);
        }
    }

    @Test
    void stackOverflowAndOutOfMemoryErrors_reachTheirCallers_andTheReactorGoesOn() {
        try (WeldContainer container = BobbinWeld.weld(Faults.class).initialize()) {
            Faults faults = container.select(Faults.class).get();
            Reactor reactor = container.select(Reactor.class).get();

            assertThatThrownBy(() -> faults.recurseForever(0)).isExactlyInstanceOf(StackOverflowError.class);
            assertThat(faults.echo("after StackOverflowError")).isEqualTo("after StackOverflowError");

            EventualResult<Integer> later = faults.recurseForeverLater();
            assertThatThrownBy(() -> later.await(LONG)).isExactlyInstanceOf(StackOverflowError.class);
            assertThat(later.originalFailure()).get().isExactlyInstanceOf(StackOverflowError.class);

            assertThatThrownBy(faults::allocateTooMuch)
                    .isExactlyInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining("array size");
            assertThat(faults.echo("after a real OutOfMemoryError")).isEqualTo("after a real OutOfMemoryError");

            OutOfMemoryError simulated = new OutOfMemoryError("simulated");
            assertThatThrownBy(() -> faults.throwError(simulated)).isSameAs(simulated);
            EventualResult<String> failedLater = faults.throwErrorLater(simulated);
            assertThatThrownBy(() -> failedLater.await(LONG)).isSameAs(simulated);
            try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
                reactor.executor().execute(() -> {
                    throw new OutOfMemoryError("simulated in an executor task");
                });
                assertThat(reactor.waitFor(LONG, () -> "alive")).isEqualTo("alive");
                assertThat(logs.problems("a task on the reactor thread failed; the reactor goes on"))
                        .singleElement()
                        .satisfies(r -> assertThat(r.getThrown()).hasMessage("simulated in an executor task"));
            }
            assertThat(reactor.metrics().tasksFailed()).isEqualTo(6);
            assertThat(reactor.isRunning()).isTrue();
        }
    }

    @Test
    void anUpstreamThatIgnoresCancellation_cannotHoldACallerOrAResult() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin");
                WeldContainer container = BobbinWeld.weld(Faults.class).initialize()) {
            Faults faults = container.select(Faults.class).get();

            Faults.IgnoresCancel<String> ignoring = new Faults.IgnoresCancel<>();
            long start = System.nanoTime();
            assertThatThrownBy(() -> faults.stubborn(ignoring))
                    .isExactlyInstanceOf(ReactorTimeoutException.class)
                    .hasMessage("Faults#stubborn(CompletableFuture): no result within 200 ms; the work was cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(200).plus(GRACE));
            await().atMost(LONG).until(() -> ignoring.cancelCalls == 1);
            ignoring.complete("too late"); // the upstream finishes anyway: nobody is hurt

            Faults.IgnoresCancel<String> ignoringLater = new Faults.IgnoresCancel<>();
            EventualResult<String> result = faults.stubbornLater(ignoringLater);
            faults.echo("the body has run"); // the reactor runs tasks in order
            result.cancel();
            assertThat(result.isDone())
                    .as("complete at once, whatever the upstream does")
                    .isTrue();
            CancellationException cancelled = catchCancellation(result);
            assertThat(cancelled).hasMessage("Faults#stubbornLater(CompletableFuture): cancelled");
            ignoringLater.complete("too late");
            assertThat(catchCancellation(result)).as("the outcome stands").isSameAs(cancelled);

            Faults.CancelThrows<String> broken = new Faults.CancelThrows<>();
            EventualResult<String> brokenResult = faults.stubbornLater(broken);
            faults.echo("the body has run");
            brokenResult.cancel();
            assertThat(catchCancellation(brokenResult))
                    .hasMessage("Faults#stubbornLater(CompletableFuture): cancelled");

            EventualResult<String> hookThrows = faults.cancellationThrows();
            faults.echo("the body has run");
            hookThrows.cancel();
            assertThat(catchCancellation(hookThrows)).isNotNull();

            assertThat(faults.echo("still fine")).isEqualTo("still fine");
            assertThat(logs.problems())
                    .as("our own cancellations are no errors")
                    .isEmpty();
        }
    }

    @Test
    void aLoggingSystemThatThrows_neverBreaksBobbin() throws Exception {
        Logger logger = Logger.getLogger("dev.bobbin");
        java.util.logging.Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        List<Logger> children = List.of(
                Logger.getLogger("dev.bobbin.reactor"),
                Logger.getLogger("dev.bobbin.results"),
                Logger.getLogger("dev.bobbin.watchdog"));
        AtomicInteger publishAttempts = new AtomicInteger();
        Handler throwing = new Handler() {
            @Override
            public void publish(LogRecord record) {
                publishAttempts.incrementAndGet();
                throw new IllegalStateException("the log handler is broken");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.setLevel(java.util.logging.Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(throwing);
        try {
            exerciseEveryLogLine(publishAttempts);
            // A filter that throws an Error fails inside Logger.log itself, before any handler. Filters are
            // not inherited: set it on each of Bobbin's loggers.
            AtomicInteger filterCalls = new AtomicInteger();
            for (Logger child : children) {
                child.setFilter(record -> {
                    filterCalls.incrementAndGet();
                    throw new AssertionError("the log filter is broken");
                });
            }
            exerciseEveryLogLine(filterCalls);
        } finally {
            logger.removeHandler(throwing);
            for (Logger child : children) {
                child.setFilter(null);
            }
            logger.setLevel(level);
            logger.setUseParentHandlers(parents);
        }
    }

    /** Makes Bobbin log on every path it logs on, and checks it works throughout. */
    private void exerciseEveryLogLine(AtomicInteger attempts) throws Exception {
        int before = attempts.get();
        WeldContainer container = Configured.container(Map.of("bobbin.watchdog.threshold", "100ms"), Faults.class);
        try {
            Faults faults = container.select(Faults.class).get();
            Reactor reactor = container.select(Reactor.class).get();
            // fire-and-forget failure (WARNING)
            faults.fireAndForget(new IllegalStateException("fire-and-forget failed"));
            // executor task failure (WARNING)
            reactor.executor().execute(() -> {
                throw new IllegalStateException("task failed");
            });
            // watchdog (WARNING)
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> holder = callers.submit(() -> faults.holdTheReactor(started, release));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(LONG).until(() -> attempts.get() >= before + 3); // both failures and the watchdog
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("released");
            // unobserved failure, logged once it is collected (ERROR)
            dropAFailedResult(faults);
            await().atMost(LONG).pollInterval(Duration.ofMillis(50)).until(() -> {
                System.gc();
                return attempts.get() >= before + 4;
            });
            // a stashed failure dropped at stop (ERROR), below
            EventualResult<String> failed = faults.failed(new IllegalStateException("stashed, never seen"));
            await().atMost(LONG).until(failed::isDone);
            failed.stash();

            assertThat(faults.echo("works")).isEqualTo("works");
            assertThat(faults.value("v").await(LONG)).isEqualTo("v");
        } finally {
            container.close(); // logs the stashed failure: must not throw
        }
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    private static void dropAFailedResult(Faults faults) {
        EventualResult<String> lost = faults.failed(new IllegalStateException("lost"));
        await().atMost(LONG).until(lost::isDone);
    }

    @Test
    void shutdownRacingThousandsOfInFlightCalls_endsEveryCallAtOnce() throws Exception {
        int pendingResults = 5_000;
        int blockedCallers = 64;
        int hammering = Integer.getInteger("bobbin.faults.calling-threads", 32);
        WeldContainer container = BobbinWeld.weld(Faults.class).initialize();
        try {
            Faults faults = container.select(Faults.class).get();
            ResultStore store = container.select(ResultStore.class).get();
            BobbinRuntime bobbin = container.select(BobbinRuntime.class).get();

            List<EventualResult<String>> pending = new ArrayList<>();
            for (int i = 0; i < pendingResults; i++) {
                EventualResult<String> result = faults.pending();
                if (i % 10 == 0) {
                    result.stash();
                }
                pending.add(result);
            }
            CountDownLatch subscribed = new CountDownLatch(blockedCallers);
            List<Future<Throwable>> blocked = new ArrayList<>();
            java.util.concurrent.atomic.LongAccumulator lastWoken =
                    new java.util.concurrent.atomic.LongAccumulator(Math::max, Long.MIN_VALUE);
            for (int i = 0; i < blockedCallers; i++) {
                blocked.add(callers.submit(() -> {
                    try {
                        faults.forever(subscribed);
                        return null;
                    } catch (Throwable t) {
                        lastWoken.accumulate(System.nanoTime());
                        return t;
                    }
                }));
            }
            assertThat(subscribed.await(30, TimeUnit.SECONDS)).isTrue();

            AtomicBoolean stopping = new AtomicBoolean();
            AtomicInteger values = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            CountDownLatch hammerersRunning = new CountDownLatch(hammering);
            List<Future<?>> hammerers = new ArrayList<>();
            for (int i = 0; i < hammering; i++) {
                hammerers.add(callers.submit(() -> {
                    hammerersRunning.countDown();
                    int n = 0;
                    // keep calling until a call after the stop was refused
                    while (true) {
                        boolean afterStop = stopping.get();
                        try {
                            String value = n++ % 2 == 0
                                    ? faults.echo("x")
                                    : faults.value("x").await(LONG);
                            if (value.equals("x")) {
                                values.incrementAndGet();
                            } else {
                                other.incrementAndGet();
                            }
                        } catch (ReactorStoppedException e) {
                            refused.incrementAndGet();
                            if (afterStop) {
                                return null;
                            }
                        } catch (Throwable t) {
                            other.incrementAndGet();
                            return null;
                        }
                    }
                }));
            }
            assertThat(hammerersRunning.await(30, TimeUnit.SECONDS)).isTrue();
            await().atMost(LONG).until(() -> values.get() >= 10 * hammering);

            long stopStart = System.nanoTime();
            stopping.set(true);
            bobbin.runtime().stop(); // what the container's Shutdown does, while everything is in flight
            long stopNanos = System.nanoTime() - stopStart;

            for (EventualResult<String> result : pending) {
                assertThat(result.isDone()).as("complete when stop returns").isTrue();
            }
            assertThatThrownBy(() -> pending.get(0).await(Duration.ZERO))
                    .isExactlyInstanceOf(ReactorStoppedException.class)
                    .hasMessage("Faults#pending(): the reactor stopped before the result was ready");
            for (Future<Throwable> call : blocked) {
                assertThat(call.get(GRACE.toMillis(), TimeUnit.MILLISECONDS))
                        .isExactlyInstanceOf(ReactorStoppedException.class)
                        .hasMessage("Faults#forever(CountDownLatch): the reactor stopped before the result was ready");
            }
            long wokenNanos = lastWoken.get() - stopStart;
            for (Future<?> hammerer : hammerers) {
                hammerer.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            assertThat(other)
                    .as("calls that ended neither with their value nor ReactorStoppedException")
                    .hasValue(0);
            assertThat(store.size()).isZero();
            assertThat(bobbin.runtime().pendingCount()).isZero();
            assertThat(Threads.bobbinThreads())
                    .as("stop returned: no Bobbin thread left")
                    .isEmpty();
            System.out.printf(
                    "SHUTDOWN RACE: %d pending results, %d blocked callers, %d callers calling (%d values, %d refused):"
                            + " stop took %d ms, every blocked caller back within %d ms%n",
                    pendingResults,
                    blockedCallers,
                    hammering,
                    values.get(),
                    refused.get(),
                    TimeUnit.NANOSECONDS.toMillis(stopNanos),
                    TimeUnit.NANOSECONDS.toMillis(wokenNanos));
        } finally {
            container.close();
        }
    }

    private static CancellationException catchCancellation(EventualResult<?> result) {
        try {
            result.await(Duration.ZERO);
        } catch (CancellationException e) {
            return e;
        }
        throw new AssertionError("not cancelled");
    }
}
