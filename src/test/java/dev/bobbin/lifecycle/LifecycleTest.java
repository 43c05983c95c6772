package dev.bobbin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ResultStore;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.Threads;

class LifecycleTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void twentyStartStopCycles_leaveNoThreadBehind() {
        List<Thread> reactorThreads = new ArrayList<>();
        for (int cycle = 0; cycle < 20; cycle++) {
            try (WeldContainer container = BobbinWeld.weld(Service.class).initialize()) {
                Thread thread = container.select(Service.class).get().reactorThread();
                assertThat(thread.getName()).startsWith("bobbin-reactor");
                reactorThreads.add(thread);
            }
            // stop joins the thread: it is gone when close() returns, no waiting needed
            assertThat(Threads.bobbinThreads()).as("after cycle %d", cycle).isEmpty();
        }
        assertThat(reactorThreads).doesNotHaveDuplicates();
    }

    @Test
    void twoContainers_haveTwoReactors_andTwoStores() {
        try (WeldContainer first = BobbinWeld.weldWithId("first", Service.class).initialize();
                WeldContainer second =
                        BobbinWeld.weldWithId("second", Service.class).initialize()) {
            Service one = first.select(Service.class).get();
            Service two = second.select(Service.class).get();
            assertThat(one.reactorThread()).isNotSameAs(two.reactorThread());

            String id = one.value("mine").stash();
            assertThat(second.select(ResultStore.class).get().retrieve(id))
                    .as("other application")
                    .isEmpty();
            assertThat(first.select(ResultStore.class).get().retrieve(id)).isPresent();
        }
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void stopWhileCallersWait_wakesEveryCallerWithReactorStoppedException() throws Exception {
        int waiting = 16;
        List<Future<String>> calls = new ArrayList<>();
        long stoppedAt;
        try (WeldContainer container = BobbinWeld.weld(Service.class).initialize()) {
            Service service = container.select(Service.class).get();
            CountDownLatch subscribed = new CountDownLatch(waiting);
            for (int i = 0; i < waiting; i++) {
                calls.add(callers.submit(() -> service.forever(subscribed)));
            }
            assertThat(subscribed.await(30, TimeUnit.SECONDS)).isTrue();
            stoppedAt = System.nanoTime();
        }
        for (Future<String> call : calls) {
            assertThat(call)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isExactlyInstanceOf(ReactorStoppedException.class)
                    .withMessage("Service#forever(CountDownLatch): the reactor stopped before the result was ready");
        }
        // generous bound (the waiters are woken by stop itself, not by their 60 s timeout)
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void callsAfterStop_failAtOnce_withReactorStoppedException() {
        LateShutdownObserver.SEEN.set(null);
        try (WeldContainer container =
                BobbinWeld.weld(Service.class, LateShutdownObserver.class).initialize()) {
            container.select(Service.class).get().reactorThread();
        }
        assertThat(LateShutdownObserver.SEEN.get())
                .isExactlyInstanceOf(ReactorStoppedException.class)
                .hasMessage("Service#reactorThread(): the reactor has stopped (the application is stopping)");
    }

    @Test
    void aStartedContainer_withNoCalls_stillStopsItsThreads() {
        try (WeldContainer container = BobbinWeld.weld(Service.class).initialize()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !Threads.bobbinThreads().isEmpty());
        }
        // a thread that had not run yet is not joined at length; it ends as soon as it runs
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Threads.bobbinThreads().isEmpty());
    }
}
