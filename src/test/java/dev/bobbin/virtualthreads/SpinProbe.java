package dev.bobbin.virtualthreads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.bobbin.core.ReactorRuntime;
import dev.bobbin.core.Settings;
import dev.bobbin.core.TaskContext;

/**
 * Run in a JDK with virtual threads (21+): how much CPU the reactor thread burns in its idle spin after the
 * tasks of one platform caller, then of one virtual caller, 100 calls each with a pause after every call (so
 * that the reactor goes idle each time) and the spin at its maximum, 1 ms. Prints {@code platformMicros=N}
 * and {@code virtualMicros=N}: the reactor spins after a platform caller's task only, so the second is far
 * smaller (a virtual caller's carriers need the CPU: see {@code OwnLoop}). Compiled for Java 17, so virtual
 * threads are reached by reflection.
 */
public final class SpinProbe {
    private static final int CALLS = 100;

    private SpinProbe() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.load(key -> key.equals(Settings.SPIN) ? Optional.of("1ms") : Optional.empty());
        ReactorRuntime runtime =
                new ReactorRuntime(settings, "bobbin-reactor-spin-probe", Thread::new, null, TaskContext.NONE);
        runtime.start();
        ExecutorService platform = Executors.newSingleThreadExecutor();
        ExecutorService virtual = (ExecutorService)
                Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try {
            runtime.waitFor(Duration.ofSeconds(30), () -> 0); // the reactor thread exists from here on
            System.out.println("platformMicros=" + reactorCpuMicros(runtime, platform));
            System.out.println("virtualMicros=" + reactorCpuMicros(runtime, virtual));
        } finally {
            platform.shutdown();
            virtual.shutdown();
            runtime.stop();
        }
    }

    /** The reactor thread's CPU time while one caller on {@code callers} makes its calls. */
    private static long reactorCpuMicros(ReactorRuntime runtime, ExecutorService callers) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long reactor = runtime.ownThread().getId();
        long before = threads.getThreadCpuTime(reactor);
        callers.submit(() -> {
                    for (int i = 0; i < CALLS; i++) {
                        int call = i;
                        if (runtime.waitFor(Duration.ofSeconds(30), () -> call) != call) {
                            throw new AssertionError("call " + call + " got another value");
                        }
                        // A pause, not a synchronisation: the reactor finds its queue empty and spins, or not.
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
                    }
                    return null;
                })
                .get(60, TimeUnit.SECONDS);
        return TimeUnit.NANOSECONDS.toMicros(threads.getThreadCpuTime(reactor) - before);
    }
}
