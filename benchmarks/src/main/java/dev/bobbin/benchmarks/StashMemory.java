package dev.bobbin.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import dev.bobbin.EventualResult;

/**
 * Memory per stashed result: makes {@code N} completed results (held in an array), measures the heap after
 * GC, stashes them all (dropping the ids, as a servlet that has handed them to its clients does), and
 * measures again. The delta per result is what the store costs (id, entry, map node and table slot),
 * beyond the result itself. Prints one line: {@code stash <n> <storeBytesPerResult> <resultBytes>}.
 */
public final class StashMemory {
    private StashMemory() {}

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.setProperty("bobbin.store.max-size", Integer.toString(n * 2));
        try (Container container = new Container()) {
            EventualResult<?>[] results = new EventualResult<?>[n];
            results[0] = container.target.run();
            results[0].await(Hop.TIMEOUT); // warm the path before the first measurement
            long empty = usedAfterGc();
            for (int i = 0; i < n; i++) {
                results[i] = container.target.run();
            }
            for (EventualResult<?> result : results) {
                result.await(Hop.TIMEOUT);
            }
            long held = usedAfterGc();
            for (EventualResult<?> result : results) {
                result.stash();
            }
            long stashed = usedAfterGc();
            if (container.store.size() != n) {
                throw new IllegalStateException("stashed " + container.store.size() + ", expected " + n);
            }
            System.out.printf("stash %d %.1f %.1f%n", n, (stashed - held) / (double) n, (held - empty) / (double) n);
            results[n - 1].isDone(); // keep the results reachable until here
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
