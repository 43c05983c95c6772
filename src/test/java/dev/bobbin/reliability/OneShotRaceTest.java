package dev.bobbin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.core.ReactorRuntime;
import dev.bobbin.core.Settings;
import dev.bobbin.core.TaskContext;
import dev.bobbin.testing.Threads;

/**
 * {@link EventualResult}'s one-shot completion, through the public API only: the upstream completing,
 * the upstream failing, {@code cancel()} and the reactor's stop race each other and four kinds of
 * observers ({@code await} blocking, {@code await(ZERO)} polling, {@code toCompletionStage()},
 * {@code originalFailure()}). First every order of the six actions, one after the other (all 720
 * permutations); then the same actions on eight threads released together, each after a random spin, for
 * {@code bobbin.race.iterations} (default 5000) iterations. Every observer must see the one outcome, as
 * the same instance.
 */
class OneShotRaceTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final int ITERATIONS = Integer.getInteger("bobbin.race.iterations", 5_000);

    enum Action {
        COMPLETE,
        FAIL,
        CANCEL,
        STOP,
        POLL,
        ORIGINAL_FAILURE
    }

    enum Outcome {
        VALUE,
        FAILURE,
        CANCELLED,
        STOPPED
    }

    private final List<ReactorRuntime> runtimes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        runtimes.forEach(ReactorRuntime::stop);
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    private ReactorRuntime runtime() {
        ReactorRuntime runtime = new ReactorRuntime(
                Settings.DEFAULTS,
                "bobbin-reactor-race",
                runnable -> {
                    Thread thread = new Thread(runnable);
                    thread.setDaemon(true);
                    return thread;
                },
                null,
                TaskContext.NONE);
        runtime.start();
        runtimes.add(runtime);
        return runtime;
    }

    /** A result of the application following {@code stage}, subscribed: the body has run and followed it. */
    private static EventualResult<Object> following(ReactorRuntime runtime, CompletionStage<Object> stage) {
        EventualResult<Object> result = runtime.runInReactor(() -> EventualResult.from(stage));
        runtime.waitFor(LONG, () -> null); // the reactor runs tasks in order: the body has run
        return result;
    }

    @Test
    void everyOrderOfTheSixActions_givesTheFirstCompletersOutcome_toEveryObserver() {
        List<List<Action>> orders = permutations(List.of(Action.values()));
        assertThat(orders).hasSize(720);
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        for (List<Action> order : orders) {
            ReactorRuntime runtime = runtime();
            CompletableFuture<Object> stage = new CompletableFuture<>();
            EventualResult<Object> result = following(runtime, stage);
            Object value = new Object();
            IllegalStateException failure = new IllegalStateException("failed");
            Outcome expected = null;
            List<Object> observed = new ArrayList<>();
            for (Action action : order) {
                switch (action) {
                    case COMPLETE -> stage.complete(value);
                    case FAIL -> stage.completeExceptionally(failure);
                    case CANCEL -> result.cancel();
                    case STOP -> runtime.stop();
                    case POLL -> observed.add(poll(result));
                    case ORIGINAL_FAILURE -> observed.add(result.originalFailure());
                }
                if (expected == null) {
                    expected = switch (action) {
                        case COMPLETE -> Outcome.VALUE;
                        case FAIL -> Outcome.FAILURE;
                        case CANCEL -> Outcome.CANCELLED;
                        case STOP -> Outcome.STOPPED;
                        default -> null;
                    };
                }
                if (expected == null) {
                    // observed while pending: nothing to see yet
                    assertThat(observed.get(observed.size() - 1))
                            .as("order %s", order)
                            .satisfiesAnyOf(
                                    o -> assertThat(o).isInstanceOf(ReactorTimeoutException.class),
                                    o -> assertThat(o).isEqualTo(Optional.empty()));
                    observed.clear();
                }
            }
            Object outcome = poll(result);
            assertThat(classify(outcome, value, failure)).as("order %s", order).isEqualTo(expected);
            for (Object o : observed) {
                if (o instanceof Optional<?> original) {
                    assertThat(original.orElse(null))
                            .as("originalFailure() in order %s", order)
                            .isSameAs(expected == Outcome.VALUE ? null : outcome);
                } else {
                    assertThat(o).as("await in order %s", order).isSameAs(outcome);
                }
            }
            assertThat(runtime.pendingCount()).isZero();
            seen.merge(expected, 1, Integer::sum);
            runtime.stop();
        }
        assertThat(seen).containsOnlyKeys(Outcome.values()).allSatisfy((outcome, count) -> assertThat(count)
                .isEqualTo(180)); // each of the four completers comes first in a quarter of the orders
    }

    @Test
    void concurrentCompleteFailCancelStopAndObservers_everyObserverSeesOneOutcome() throws Exception {
        int parties = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parties);
        Random random = new Random(Long.getLong("bobbin.race.seed", 6L));
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        try {
            ReactorRuntime runtime = runtime();
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                boolean stops = iteration % 4 == 0;
                if (!runtime.isRunning()) {
                    runtime = runtime();
                }
                ReactorRuntime current = runtime;
                CompletableFuture<Object> stage = new CompletableFuture<>();
                // Half of the time the race includes the reactor following the stage (the body's subscription).
                EventualResult<Object> result = iteration % 2 == 0
                        ? following(current, stage)
                        : current.runInReactor(() -> EventualResult.from(stage));
                Object value = new Object();
                IllegalStateException failure = new IllegalStateException("failed");
                CyclicBarrier start = new CyclicBarrier(parties);
                int[] spins = new int[parties];
                for (int p = 0; p < parties; p++) {
                    spins[p] = random.nextInt(4) == 0 ? 0 : random.nextInt(2_000);
                }
                AtomicReference<Object> blocking = new AtomicReference<>();
                AtomicReference<Object> polling = new AtomicReference<>();
                CompletableFuture<Object> viaStage = new CompletableFuture<>();
                AtomicReference<Object> original = new AtomicReference<>();
                List<Runnable> actions = List.of(
                        () -> stage.complete(value),
                        () -> stage.completeExceptionally(failure),
                        result::cancel,
                        stops ? current::stop : () -> {},
                        () -> blocking.set(outcomeOf(() -> result.await(LONG))),
                        () -> {
                            Object o;
                            while ((o = poll(result)) instanceof ReactorTimeoutException) {
                                Thread.onSpinWait();
                            }
                            polling.set(o);
                        },
                        () -> result.toCompletionStage().whenComplete((v, e) -> viaStage.complete(e != null ? e : v)),
                        () -> {
                            while (!result.isDone()) {
                                Thread.onSpinWait();
                            }
                            original.set(result.originalFailure().orElse(null));
                        });
                List<Future<?>> futures = new ArrayList<>();
                for (int p = 0; p < parties; p++) {
                    Runnable action = actions.get(p);
                    int spin = spins[p];
                    futures.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        for (int s = 0; s < spin; s++) {
                            Thread.onSpinWait();
                        }
                        action.run();
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
                if (!stops) {
                    result.cancel(); // the stage's completion may still be on its way: end the race for sure
                }
                Object outcome = poll(result);
                Outcome kind = classify(outcome, value, failure);
                int at = iteration;
                Consumer<Object> same =
                        o -> assertThat(o).as("iteration %d", at).isSameAs(outcome);
                same.accept(blocking.get());
                same.accept(polling.get());
                same.accept(poll(result));
                // The copy behind toCompletionStage() completes right after the outcome is set, on the thread
                // that set it, which may be the reactor rather than one of the parties waited for above.
                // (A future, not Awaitility: its first poll comes after 100 ms, and this runs 5,000 times.)
                assertThat(viaStage.get(LONG.toSeconds(), TimeUnit.SECONDS))
                        .as("iteration %d: toCompletionStage()", at)
                        .isSameAs(outcome instanceof RuntimeException ? outcome : value);
                assertThat(original.get())
                        .as("iteration %d: originalFailure()", at)
                        .isSameAs(kind == Outcome.VALUE ? null : outcome);
                seen.merge(kind, 1, Integer::sum);
                if (stops) {
                    assertThat(current.pendingCount()).isZero();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("RACE " + ITERATIONS + " iterations, outcomes " + seen);
        assertThat(seen).as("every completer won some races").containsOnlyKeys(Outcome.values());
    }

    private static Object poll(EventualResult<Object> result) {
        return outcomeOf(() -> result.await(Duration.ZERO));
    }

    private static Object outcomeOf(java.util.function.Supplier<Object> await) {
        try {
            return await.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Outcome classify(Object outcome, Object value, Throwable failure) {
        if (outcome == value) {
            return Outcome.VALUE;
        } else if (outcome == failure) {
            return Outcome.FAILURE;
        } else if (outcome instanceof ReactorStoppedException) {
            return Outcome.STOPPED;
        } else if (outcome instanceof CancellationException) {
            return Outcome.CANCELLED;
        }
        throw new AssertionError("not an outcome: " + outcome);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (T first : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
