package dev.bobbin.benchmarks;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.bobbin.core.ReactorRuntime;
import dev.bobbin.core.Settings;
import dev.bobbin.core.TaskContext;

/**
 * The floor under a hop, without CDI: the least a hand-off onto one thread can do ({@link #minimal}: a
 * lock-free queue, a wake-up only when the thread is parked, the caller parked on its own call, no timeout,
 * no cancellation, no stop), next to Bobbin's runtime called directly ({@link #runtime}) and the executor
 * baseline. Not part of {@link Suite}; run by hand to see how much of a gap is Bobbin's bookkeeping and how
 * much Weld's interception, e.g. with virtual callers:
 * {@code java -cp target/benchmarks.jar org.openjdk.jmh.Main 'HandOffFloor' -t 64 -bm thrpt -f 2 -prof gc
 * -jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jvmArgsAppend -Djmh.executor=VIRTUAL}.
 */
@State(Scope.Benchmark)
public class HandOffFloor {
    private static final Supplier<Integer> SUPPLIER = () -> Target.VALUE;
    private static final Callable<Integer> CALLABLE = () -> Target.VALUE;

    /** One call of {@link #minimal}: its value, and the caller to wake. */
    static final class Call implements Runnable {
        volatile Object value;
        volatile Thread caller;

        @Override
        public void run() {
            value = Target.VALUE;
            Thread waiting = caller;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    private final ConcurrentLinkedQueue<Call> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean parked;
    private volatile boolean done;
    private Thread loop;
    private ReactorRuntime runtime;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void start() {
        loop = new Thread(
                () -> {
                    while (!done) {
                        Call call = queue.poll();
                        if (call != null) {
                            call.run();
                            continue;
                        }
                        parked = true; // Dekker with minimal(): it offers then reads `parked`
                        if (queue.isEmpty() && !done) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                },
                "minimal-hand-off");
        loop.setDaemon(true);
        loop.start();
        runtime = new ReactorRuntime(
                Settings.DEFAULTS, "bobbin-reactor-floor", Container::daemon, null, TaskContext.NONE);
        runtime.start();
        executor = Container.singleThread("floor-single-thread");
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        done = true;
        LockSupport.unpark(loop);
        runtime.stop();
        Container.shutdown(executor);
    }

    @Benchmark
    public Object minimal() {
        Call call = new Call();
        call.caller = Thread.currentThread();
        queue.offer(call);
        if (parked) {
            LockSupport.unpark(loop);
        }
        Object value;
        while ((value = call.value) == null) {
            LockSupport.park(this);
        }
        return value;
    }

    @Benchmark
    public Integer runtime() {
        return runtime.waitFor(Hop.TIMEOUT, SUPPLIER);
    }

    @Benchmark
    public Integer executorSubmitGet() throws ExecutionException, InterruptedException {
        return executor.submit(CALLABLE).get();
    }
}
