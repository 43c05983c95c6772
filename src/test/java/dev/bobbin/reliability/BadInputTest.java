package dev.bobbin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.WaitFor;
import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.Threads;
import io.smallrye.mutiny.Uni;

/**
 * Bad input for every public method, on a real application: each case fails with its specific, documented
 * exception and exact message, and after each one the reactor still answers and nothing is pending.
 * Annotation misuse (every definition error) is covered by {@code DefinitionErrorTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private static final String ON_REACTOR = ": must not wait on a reactor thread, it would wait for itself;"
            + " return EventualResult.from(...) from a @RunInReactor method, or chain the Uni instead";
    private static final String STOPPED = ": the reactor has stopped (the application is stopping)";

    private WeldContainer container;
    private Reactor reactor;
    private ResultStore store;
    private Faults faults;
    private Inputs inputs;

    /** One bad input, the exception it must raise, and its exact message. */
    record Case(String name, Supplier<?> call, Class<? extends Throwable> type, String message) {}

    @BeforeAll
    void startTheApplication() {
        container = BobbinWeld.weld(Faults.class, Inputs.class).initialize();
        reactor = container.select(Reactor.class).get();
        store = container.select(ResultStore.class).get();
        faults = container.select(Faults.class).get();
        inputs = container.select(Inputs.class).get();
    }

    @AfterAll
    void stopTheApplication() {
        container.close();
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    private List<Case> cases() {
        EventualResult<Object> done = EventualResult.of("done");
        List<Case> cases = new ArrayList<>();
        // --- durations ---
        for (String member : List.of("await", "awaitOrCancel")) {
            EventualResult<String> result = faults.value("v");
            Supplier<Duration> negative = () -> Duration.ofNanos(-1);
            cases.add(new Case(
                    member + "(null)",
                    () -> member.equals("await") ? result.await(null) : result.awaitOrCancel(null),
                    IllegalArgumentException.class,
                    "EventualResult#" + member + "(timeout): timeout must not be null"));
            cases.add(new Case(
                    member + "(-1 ns)",
                    () -> member.equals("await") ? result.await(negative.get()) : result.awaitOrCancel(negative.get()),
                    IllegalArgumentException.class,
                    "EventualResult#" + member + "(timeout): timeout must not be negative, was PT-0.000000001S"));
            cases.add(new Case(
                    member + "(MIN)",
                    () -> member.equals("await")
                            ? result.await(Duration.ofSeconds(Long.MIN_VALUE))
                            : result.awaitOrCancel(Duration.ofSeconds(Long.MIN_VALUE)),
                    IllegalArgumentException.class,
                    "EventualResult#" + member
                            + "(timeout): timeout must not be negative, was PT-2562047788015215H-30M-8S"));
        }
        for (String member : List.of("waitFor", "waitForUni")) {
            for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-5)}) {
                cases.add(new Case(
                        "Reactor#" + member + "(" + bad + ")",
                        () -> member.equals("waitFor")
                                ? reactor.waitFor(bad, () -> "x")
                                : reactor.waitForUni(bad, () -> Uni.createFrom().item("x")),
                        IllegalArgumentException.class,
                        "Reactor#" + member + "(timeout, body): timeout "
                                + (bad == null ? "must not be null" : "must be > 0, was " + bad)));
            }
            cases.add(new Case(
                    "Reactor#" + member + "(timeout, null)",
                    () -> member.equals("waitFor") ? reactor.waitFor(LONG, null) : reactor.waitForUni(LONG, null),
                    NullPointerException.class,
                    "Reactor#" + member + "(timeout, body): body must not be null"));
        }
        // --- bodies that return the wrong thing ---
        cases.add(new Case(
                "Reactor#waitFor(body returning a Uni)",
                () -> reactor.waitFor(LONG, () -> Uni.createFrom().item("x")),
                IllegalArgumentException.class,
                "Reactor#waitFor(timeout, body): the body returned "
                        + Uni.createFrom().item("x").getClass().getName()
                        + ", work still to wait for; use Reactor#waitForUni(...) for a Uni"));
        cases.add(new Case(
                "Reactor#waitFor(body returning a CompletableFuture)",
                () -> reactor.waitFor(LONG, CompletableFuture::new),
                IllegalArgumentException.class,
                "Reactor#waitFor(timeout, body): the body returned java.util.concurrent.CompletableFuture,"
                        + " work still to wait for; use Reactor#waitForUni(...) for a Uni"));
        cases.add(new Case(
                "Reactor#waitForUni(body returning null)",
                () -> reactor.waitForUni(LONG, () -> null),
                NullPointerException.class,
                "Reactor#waitForUni(timeout, body): the Uni the body returned must not be null"));
        cases.add(new Case(
                "Reactor#runInReactor(null)",
                () -> reactor.runInReactor(null),
                NullPointerException.class,
                "Reactor#runInReactor(body): body must not be null"));
        cases.add(new Case(
                "Reactor#runInReactor(body returning null)",
                () -> reactor.runInReactor(() -> null).await(LONG),
                NullPointerException.class,
                "Reactor#runInReactor(body): a @RunInReactor method must not return null;"
                        + " return EventualResult.of(null) for no value"));
        cases.add(new Case(
                "@RunInReactor returning null",
                () -> inputs.returnsNull().await(LONG),
                NullPointerException.class,
                "Inputs#returnsNull(): a @RunInReactor method must not return null;"
                        + " return EventualResult.of(null) for no value"));
        cases.add(new Case(
                "Reactor#executor().execute(null)",
                () -> {
                    reactor.executor().execute(null);
                    return null;
                },
                NullPointerException.class,
                "Reactor#executor(): task must not be null"));
        // --- factories and hand-over ---
        cases.add(new Case(
                "EventualResult.failed(null)",
                () -> EventualResult.failed(null),
                NullPointerException.class,
                "EventualResult.failed(failure): failure must not be null"));
        cases.add(new Case(
                "EventualResult.from((Uni) null)",
                () -> EventualResult.from((Uni<Object>) null),
                NullPointerException.class,
                "EventualResult.from(uni): uni must not be null"));
        cases.add(new Case(
                "EventualResult.from((CompletionStage) null)",
                () -> EventualResult.from((CompletionStage<Object>) null),
                NullPointerException.class,
                "EventualResult.from(stage): stage must not be null"));
        cases.add(new Case(
                "WaitFor.Result.from(null uni) in a body",
                inputs::handOverNullUni,
                NullPointerException.class,
                "WaitFor.Result.from(uni): uni must not be null"));
        cases.add(new Case(
                "WaitFor.Result.from(null stage) in a body",
                inputs::handOverNullStage,
                NullPointerException.class,
                "WaitFor.Result.from(stage): stage must not be null"));
        cases.add(new Case(
                "WaitFor.Result.from(uni) outside a body",
                () -> WaitFor.Result.from(Uni.createFrom().item("x")),
                IllegalStateException.class,
                "WaitFor.Result.from(uni): only the body of a @WaitFor method may call it, while it runs on the"
                        + " reactor thread; in a @RunInReactor method return EventualResult.from(...) instead"));
        cases.add(new Case(
                "WaitFor.Result.from(stage) outside a body",
                () -> WaitFor.Result.from(new CompletableFuture<>()),
                IllegalStateException.class,
                "WaitFor.Result.from(stage): only the body of a @WaitFor method may call it, while it runs on the"
                        + " reactor thread; in a @RunInReactor method return EventualResult.from(...) instead"));
        cases.add(new Case(
                "stash() of a bare result",
                () -> EventualResult.of(1).stash(),
                IllegalStateException.class,
                "EventualResult#stash(): this result belongs to no application (it was made by a factory method"
                        + " outside an intercepted call), so it has no ResultStore"));
        // --- ids ---
        cases.add(new Case(
                "ResultStore#retrieve(null)",
                () -> store.retrieve(null),
                NullPointerException.class,
                "ResultStore#retrieve(id): id must not be null"));
        // --- waiting on the reactor thread ---
        cases.add(new Case(
                "@WaitFor on the reactor",
                () -> inputs.waitForOnTheReactor().await(LONG),
                IllegalStateException.class,
                "Faults#echo(String)" + ON_REACTOR));
        cases.add(new Case(
                "await on the reactor, result ready",
                () -> inputs.awaitOnTheReactor(done).await(LONG),
                IllegalStateException.class,
                "EventualResult#await()" + ON_REACTOR));
        cases.add(new Case(
                "awaitOrCancel on the reactor, result ready",
                () -> inputs.awaitOrCancelOnTheReactor(done).await(LONG),
                IllegalStateException.class,
                "EventualResult#awaitOrCancel()" + ON_REACTOR));
        cases.add(new Case(
                "Reactor#waitFor on the reactor",
                () -> inputs.programmaticWaitForOnTheReactor().await(LONG),
                IllegalStateException.class,
                "Reactor#waitFor(timeout, body)" + ON_REACTOR));
        cases.add(new Case(
                "Reactor#waitForUni on the reactor",
                () -> inputs.waitForUniOnTheReactor().await(LONG),
                IllegalStateException.class,
                "Reactor#waitForUni(timeout, body)" + ON_REACTOR));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInput_getsItsDocumentedError_andTheReactorStaysHealthy() {
        List<Case> cases = cases();
        System.out.println("BAD INPUT: " + cases.size() + " cases on a running application");
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Throwable thrown = catchThrowable(c.call()::get);
                    assertThat(thrown).isExactlyInstanceOf(c.type()).hasMessage(c.message());
                    assertHealthy();
                }));
    }

    @Test
    void goodEdgeValues_areAccepted() {
        EventualResult<String> result = faults.value("v");
        assertThat(result.await(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
                .isEqualTo("v");
        assertThat(result.awaitOrCancel(Duration.ofDays(365 * 1000))).isEqualTo("v");
        assertThat(result.await(Duration.ZERO)).isEqualTo("v");
        assertThat(reactor.<Object>waitFor(Duration.ofNanos(Long.MAX_VALUE), () -> null))
                .isNull();
        assertThat(reactor.waitFor(Duration.ofSeconds(Long.MAX_VALUE), () -> "huge"))
                .isEqualTo("huge");
        assertThat(EventualResult.of(null).await(Duration.ZERO)).isNull();
        EventualResult<String> pending = faults.pending();
        assertThat(catchThrowable(() -> pending.await(Duration.ofNanos(1))))
                .isExactlyInstanceOf(ReactorTimeoutException.class)
                .hasMessage("Faults#pending(): no result within PT0.000000001S; the work goes on, a later await may"
                        + " still get it");
        pending.cancel();
        pending.cancel(); // idempotent
        assertThat(inputs.nonBlockingUseOnTheReactor(store).await(LONG))
                .isEqualTo("stash/retrieve/cancel/runInReactor on the reactor: true");
        assertHealthy();
    }

    @Test
    void malformedIds_giveNothing_andDisturbNothing() {
        EventualResult<String> result = faults.value("kept");
        String id = result.stash();
        List<String> garbled = new ArrayList<>(List.of(
                "",
                " ",
                "0",
                id.substring(1),
                id + "A",
                id + "=",
                id.toUpperCase().equals(id) ? id.toLowerCase() : id.toUpperCase(),
                "A".repeat(22),
                "!".repeat(22),
                "é".repeat(22),
                "\u0000".repeat(22),
                "../../../etc/passwd",
                "%00" + id,
                id.replace(id.charAt(0), id.charAt(0) == 'A' ? 'B' : 'A'),
                "x".repeat(10 << 20)));
        for (String bad : garbled) {
            assertThat(store.retrieve(bad)).as("retrieve(%.40s)", bad).isEmpty();
        }
        assertThat(store.retrieve(id)).containsSame(result);
        assertThat(store.retrieve(id)).as("used").isEmpty();
        System.out.println("BAD INPUT: " + garbled.size() + " malformed ids");
        assertHealthy();
    }

    @Test
    void everyEntryPoint_afterStop_failsAtOnce_withReactorStoppedException() {
        WeldContainer stopped = BobbinWeld.weld(Faults.class).initialize();
        try {
            Faults f = stopped.select(Faults.class).get();
            Reactor r = stopped.select(Reactor.class).get();
            ResultStore s = stopped.select(ResultStore.class).get();
            EventualResult<String> finished = f.value("v");
            assertThat(finished.await(LONG)).isEqualTo("v");
            String id = finished.stash();
            stopped.select(BobbinRuntime.class).get().runtime().stop(); // what the container's Shutdown does

            List<Case> afterStop = List.of(
                    new Case(
                            "@WaitFor",
                            () -> f.echo("x"),
                            ReactorStoppedException.class,
                            "Faults#echo(String)" + STOPPED),
                    new Case(
                            "@RunInReactor",
                            () -> f.value("x"),
                            ReactorStoppedException.class,
                            "Faults#value(String)" + STOPPED),
                    new Case(
                            "void @RunInReactor",
                            () -> {
                                f.fireAndForget(new IllegalStateException());
                                return null;
                            },
                            ReactorStoppedException.class,
                            "Faults#fireAndForget(RuntimeException)" + STOPPED),
                    new Case(
                            "Reactor#waitFor",
                            () -> r.waitFor(LONG, () -> 1),
                            ReactorStoppedException.class,
                            "Reactor#waitFor(timeout, body)" + STOPPED),
                    new Case(
                            "Reactor#waitForUni",
                            () -> r.waitForUni(LONG, () -> Uni.createFrom().item(1)),
                            ReactorStoppedException.class,
                            "Reactor#waitForUni(timeout, body)" + STOPPED),
                    new Case(
                            "Reactor#runInReactor",
                            () -> r.runInReactor(() -> EventualResult.of(1)),
                            ReactorStoppedException.class,
                            "Reactor#runInReactor(body)" + STOPPED),
                    new Case(
                            "Reactor#executor()",
                            () -> {
                                r.executor().execute(() -> {});
                                return null;
                            },
                            ReactorStoppedException.class,
                            "Reactor#executor()" + STOPPED),
                    new Case(
                            "stash()",
                            finished::stash,
                            ReactorStoppedException.class,
                            "EventualResult#stash()" + STOPPED));
            for (Case c : afterStop) {
                long start = System.nanoTime();
                assertThat(catchThrowable(c.call()::get))
                        .as(c.name())
                        .isExactlyInstanceOf(c.type())
                        .hasMessage(c.message());
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("at once")
                        .isLessThan(Duration.ofSeconds(1));
            }
            // What never waits keeps answering.
            assertThat(s.retrieve(id)).as("the store was emptied at stop").isEmpty();
            assertThat(s.size()).isZero();
            assertThat(r.isRunning()).isFalse();
            assertThat(r.isReactorThread()).isFalse();
            assertThat(r.metrics().running()).isFalse();
            assertThat(finished.await(Duration.ZERO))
                    .as("a completed result keeps its value")
                    .isEqualTo("v");
            finished.cancel();
            System.out.println("BAD INPUT: " + afterStop.size() + " entry points after stop");
        } finally {
            stopped.close();
        }
    }

    @Test
    void aTimeoutOfOneNanosecondOnAnAnnotation_isStillAValidCall() {
        // @WaitFor(timeout = 1, unit = NANOS) is legal: the caller always times out, nothing breaks.
        assertThat(ChronoUnit.NANOS.getDuration()).isEqualTo(Duration.ofNanos(1));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        thrown.set(catchThrowable(() -> reactor.waitFor(Duration.ofNanos(1), () -> "fast?")));
        assertThat(thrown.get()).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t)
                .isExactlyInstanceOf(ReactorTimeoutException.class)
                .hasMessage("Reactor#waitFor(timeout, body): no result within PT0.000000001S;"
                        + " the work was cancelled"));
        assertHealthy();
    }

    private void assertHealthy() {
        assertThat(reactor.waitFor(LONG, () -> "healthy")).isEqualTo("healthy");
        assertThat(reactor.isRunning()).isTrue();
        assertThat(reactor.metrics().pendingResults()).isZero();
    }
}
