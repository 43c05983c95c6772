package dev.bobbin.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole fork per operation ({@code cpu.time.norm}, ns/op), as JMH's GC profiler reports
 * allocation per operation: the process's CPU time over an iteration (every thread: callers or carriers, the
 * reactor or the baseline's executor thread, the collector) divided by the operations of that iteration.
 * <p>
 * Throughput says how fast a hop is where it runs; this says what it costs, which is what decides its
 * throughput once the CPUs are what limits (one CPU; or virtual callers, whose carriers run every caller).
 * {@code -prof dev.bobbin.benchmarks.CpuProfiler} on the JMH command line.
 */
public final class CpuProfiler implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuBefore;

    @Override
    public String getDescription() {
        return "CPU time of the whole fork per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        cpuBefore = OS.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : (double) cpu / ops;
        return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
    }
}
