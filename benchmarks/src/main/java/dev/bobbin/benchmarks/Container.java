package dev.bobbin.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.bobbin.Reactor;
import dev.bobbin.ResultStore;
import dev.bobbin.cdi.BobbinExtension;

/** A Weld SE container with Bobbin, the benchmark bean, the no-op and the naive-hop interceptors. */
final class Container implements AutoCloseable {
    final WeldContainer weld;
    final Target target;
    final Reactor reactor;
    final ResultStore store;

    Container() {
        // Discovery off: Weld then loads no extension from META-INF/services, so Bobbin's is added here.
        weld = new Weld("bobbin-benchmarks")
                .disableDiscovery()
                .addExtension(new BobbinExtension())
                .addBeanClasses(Target.class, NoOpInterceptor.class, NaiveHopInterceptor.class)
                .initialize();
        target = weld.select(Target.class).get();
        reactor = weld.select(Reactor.class).get();
        store = weld.select(ResultStore.class).get();
    }

    /** A single-thread executor: the reactor's raw JDK counterpart. */
    static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = daemon(runnable);
            thread.setName(name);
            return thread;
        });
    }

    /** A daemon thread for {@code runnable}, so that a benchmark that fails to stop it leaves no JVM hanging. */
    static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    }

    static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        weld.shutdown();
    }
}
