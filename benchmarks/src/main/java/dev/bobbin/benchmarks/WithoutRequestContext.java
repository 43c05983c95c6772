package dev.bobbin.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code @WaitFor} constant with {@code bobbin.reactor.request-context=false}: shows what the per-task
 * request context costs (information only; the default keeps it on).
 */
@State(Scope.Benchmark)
public class WithoutRequestContext {
    private Container container;
    private Target target;

    @Setup(Level.Trial)
    public void boot() {
        System.setProperty("bobbin.reactor.request-context", "false");
        container = new Container();
        target = container.target;
        target.constant();
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        container.close();
        System.clearProperty("bobbin.reactor.request-context");
    }

    @Benchmark
    public Integer waitForConstant() {
        return target.constant();
    }
}
