package dev.bobbin.examples.ee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.ObjectName;

import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys and undeploys the example ten times (each time using the reactor, finishing a download and leaving
 * a result pending in the store) while an always-deployed probe watches the deployments' class loaders
 * (weakly) and the server's threads: no Bobbin thread and no class loader may survive.
 * <p>
 * Weld (in WildFly and Open Liberty) keeps the <em>latest</em> deployment that has a build-compatible extension
 * (Bobbin ships one, for Quarkus) reachable through a static field until another such deployment starts; so the
 * latest cycle is checked after a sentinel deployment took its place.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeployIT {
    private static final int CYCLES = 10;
    /** More than the servers' HTTP worker pools grow to here (WildFly: 16 per core). */
    private static final int WORKER_FLUSH_REQUESTS = 48;

    @Deployment(name = "probe", order = 1)
    static WebArchive probe() {
        return Deployments.probe("probe.war");
    }

    @Deployment(name = "cycled", managed = false, testable = false, order = 2)
    static WebArchive cycled() {
        return Deployments.example("cycled.war").addClasses(LoaderReporter.class, JournalClient.class);
    }

    @Deployment(name = "sentinel", managed = false, testable = false, order = 3)
    static WebArchive sentinel() {
        return Deployments.example("sentinel.war");
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    URL probe;

    @Test
    @Order(1)
    @RunAsClient
    void tenCycles_eachDeploymentWorksThroughItsOwnReactor() throws Exception {
        startTheServersWorkerThreads();
        URL cycled = new URL(probe, "/cycled/");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            long start = System.nanoTime();
            deployer.deploy("cycled");
            Http browser = new Http(cycled);
            assertThat(browser.get("api/blocking?name=" + i).body())
                    .startsWith("Hello, " + i + " (from bobbin-reactor");
            assertThat(browser.get("api/download?delayMs=0").body()).startsWith("Starting");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> browser.get("api/download").body(), body -> body.startsWith("Downloaded"));
            // stopping must complete this one and let go of it
            assertThat(browser.get("api/test/reactor/stash-pending").body()).isNotBlank();
            deployer.undeploy("cycled");
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("RedeployIT: deploy+use+undeploy cycles took (ms) " + millis);
    }

    /**
     * A WildFly HTTP worker thread (JBoss Threads) keeps the first request it ran referenced for as long as it
     * lives; so the pool is grown with slow concurrent requests to the probe before any cycle, and no worker
     * thread starts on a request of a cycled deployment.
     */
    private void startTheServersWorkerThreads() throws Exception {
        Http http = new Http(probe);
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < WORKER_FLUSH_REQUESTS; i++) {
            requests.add(http.getAsync("journal?holdMs=300"));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    @Test
    @Order(2)
    @OperateOnDeployment("probe")
    void afterTheCycles_noBobbinThreadSurvives_andEarlierClassLoadersAreUnreachable() {
        Journal journal = Journal.INSTANCE;
        assertThat(journal.trackedLoaders()).isGreaterThanOrEqualTo(CYCLES);
        await("threads named bobbin-* or holding an undeployed class loader")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> t.getName().startsWith("bobbin-")
                                        || journal.isTracked(t.getContextClassLoader()))
                                .map(Thread::toString))
                        .isEmpty());
        awaitUnreachable(journal::liveLoadersBeforeTheLatestDeployment, "before-sentinel");
        System.out.println("RedeployIT: before the sentinel, still reachable: " + journal.liveLoaders());
    }

    @Test
    @Order(3)
    @RunAsClient
    void aSentinelDeploymentTakesWeldsStaticHold() {
        deployer.deploy("sentinel");
        deployer.undeploy("sentinel");
    }

    @Test
    @Order(4)
    @OperateOnDeployment("probe")
    void thenEveryCycledClassLoaderIsUnreachable() {
        awaitUnreachable(Journal.INSTANCE::liveLoaders, "after-sentinel");
    }

    private static void awaitUnreachable(Supplier<List<String>> liveLoaders, String when) {
        try {
            await("undeployed class loaders to become unreachable")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        System.gc();
                        assertThat(liveLoaders.get()).isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            dumpHeapIfAsked(when);
            throw e;
        }
    }

    /** With {@code -Dbobbin.example.heapdump=/some/prefix} on the server JVM, a leak leaves a heap dump to study. */
    private static void dumpHeapIfAsked(String when) {
        String prefix = System.getProperty("bobbin.example.heapdump");
        if (prefix != null) {
            String file = prefix + "-" + when + "-" + System.currentTimeMillis() + ".hprof";
            try {
                // through JMX: WildFly does not expose com.sun.management classes to deployments
                ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                                "dumpHeap",
                                new Object[] {file, true},
                                new String[] {String.class.getName(), boolean.class.getName()});
            } catch (JMException e) {
                throw new IllegalStateException("cannot dump the heap to " + file, e);
            }
        }
    }
}
