package dev.bobbin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorMetrics;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.health.ReactorLivenessCheck;
import dev.bobbin.health.ReactorReadinessCheck;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.Threads;

/** The optional MicroProfile Health checks, and the counters of {@link Reactor#metrics()}. */
class HealthAndMetricsTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void withTheHealthApi_oneLivenessAndOneReadinessCheck_followTheReactor() {
        WeldContainer container = BobbinWeld.weld(Faults.class).initialize();
        try {
            List<HealthCheck> liveness = container.select(HealthCheck.class, Liveness.Literal.INSTANCE).stream()
                    .toList();
            List<HealthCheck> readiness = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).stream()
                    .toList();
            assertThat(liveness).singleElement().isInstanceOf(ReactorLivenessCheck.class);
            assertThat(readiness).singleElement().isInstanceOf(ReactorReadinessCheck.class);

            HealthCheckResponse alive = await().atMost(LONG) // one probe may miss 1 s on a loaded machine
                    .until(() -> liveness.get(0).call(), r -> r.getStatus() == HealthCheckResponse.Status.UP);
            assertThat(alive.getName()).isEqualTo("bobbin-reactor-liveness");
            assertThat(alive.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(alive.getData()).get().satisfies(data -> {
                assertThat(data).containsEntry("state", "running").containsEntry("threshold-ms", 1000L);
                assertThat((Long) data.get("response-ms")).isBetween(0L, 1000L);
            });
            HealthCheckResponse ready = readiness.get(0).call();
            assertThat(ready.getName()).isEqualTo("bobbin-reactor-readiness");
            assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(ready.getData()).get().satisfies(data -> assertThat(data)
                    .containsEntry("state", "running")
                    .containsEntry("queue-depth", 0L)
                    .containsEntry("pending-results", 0)
                    .containsEntry("store-size", 0));

            container.select(BobbinRuntime.class).get().runtime().stop(); // what the container's Shutdown does
            assertThat(readiness.get(0).call().getStatus())
                    .as("readiness once stopping")
                    .isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(readiness.get(0).call().getData()).get().satisfies(d -> assertThat(d)
                    .containsEntry("state", "stopped"));
            HealthCheckResponse stoppedLiveness = liveness.get(0).call();
            assertThat(stoppedLiveness.getStatus())
                    .as("a stopping application is not restarted for it")
                    .isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(stoppedLiveness.getData()).get().satisfies(d -> assertThat(d)
                    .containsEntry("state", "stopped"));
        } finally {
            container.close();
        }
    }

    @Test
    void withoutTheHealthApi_bobbinRegistersNoCheck_andTheApplicationWorks() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("microprofile-health")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withoutHealth =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(catchThrowable(() -> withoutHealth.loadClass(HealthCheck.class.getName())))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(withoutHealth);
            @SuppressWarnings("unchecked")
            Callable<String> application = (Callable<String>) withoutHealth
                    .loadClass(NoHealthApiApplication.class.getName())
                    .getConstructor()
                    .newInstance();
            String outcome = application.call();
            assertThat(outcome).startsWith("works: ").doesNotContain("dev.bobbin.health");
            assertThat(outcome).contains("dev.bobbin.cdi.ReactorBean", "dev.bobbin.reliability.Faults");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void metrics_countTasksFailuresTimeoutsCancellations_andShowQueueDepthAndStoreSize() throws Exception {
        try (WeldContainer container = BobbinWeld.weld(Faults.class).initialize()) {
            Faults faults = container.select(Faults.class).get();
            Reactor reactor = container.select(Reactor.class).get();
            ResultStore store = container.select(ResultStore.class).get();
            ReactorMetrics start = reactor.metrics();
            assertThat(start.running()).isTrue();
            assertThat(start.tasksFailed()).isZero();

            for (int i = 0; i < 10; i++) {
                faults.echo("x");
            }
            for (int i = 0; i < 3; i++) {
                catchThrowable(() -> faults.throwError(new AssertionError("counted")));
            }
            Faults.IgnoresCancel<String> never = new Faults.IgnoresCancel<>();
            assertThat(catchThrowable(() -> faults.stubborn(never))).isInstanceOf(ReactorTimeoutException.class);
            EventualResult<String> pending = faults.pending();
            assertThat(catchThrowable(() -> pending.await(Duration.ZERO))).isInstanceOf(ReactorTimeoutException.class);
            for (int i = 0; i < 4; i++) {
                faults.pending().cancel();
            }
            for (int i = 0; i < 5; i++) {
                faults.value("stashed").stash();
            }
            faults.echo("everything before has run");

            ReactorMetrics now = reactor.metrics();
            assertThat(now.tasksFailed()).isEqualTo(3);
            assertThat(now.timeouts()).isEqualTo(2);
            assertThat(now.cancellations())
                    .as("4 cancel() and the @WaitFor timeout")
                    .isEqualTo(5);
            assertThat(now.storeSize()).isEqualTo(5).isEqualTo(store.size());
            assertThat(now.pendingResults()).isEqualTo(1);
            assertThat(now.queueDepth()).isZero();
            assertThat(now.tasksRun()).isGreaterThanOrEqualTo(10 + 3 + 1 + 1 + 4 + 5 + 1);

            // Queue depth while a task holds the reactor.
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> holder = callers.submit(() -> faults.holdTheReactor(started, release));
            try {
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                List<EventualResult<String>> queued = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    queued.add(faults.value("queued"));
                }
                assertThat(reactor.metrics().queueDepth()).isEqualTo(25);
                assertThat(reactor.metrics().pendingResults()).isEqualTo(1 + 1 + 25);
                release.countDown();
                for (EventualResult<String> result : queued) {
                    assertThat(result.await(LONG)).isEqualTo("queued");
                }
            } finally {
                release.countDown();
            }
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("released");
            assertThat(reactor.metrics().queueDepth()).isZero();
            assertThat(reactor.metrics().tasksSubmitted())
                    .isEqualTo(reactor.metrics().tasksRun());
            pending.cancel();
        }
    }
}
