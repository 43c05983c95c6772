package dev.bobbin.virtualthreads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.weld.environment.se.WeldContainer;

import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.testing.BobbinWeld;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Run in a JDK with virtual threads (21+): counts {@code jdk.VirtualThreadPinned} events, first for a
 * control that must pin (parking in a class initializer), then for virtual-thread callers of Bobbin.
 * Prints {@code control=N}, {@code pinned=N} and {@code calls=N}; then lets 8 virtual callers time out
 * (they park without a timer until the housekeeper wakes them near the deadline) and prints
 * {@code timeouts=N}, {@code earliestMillis=N} and {@code latestMillis=N}. Compiled for Java 17, so virtual
 * threads are reached by reflection.
 */
public final class PinningProbe {
    private PinningProbe() {}

    public static void main(String[] args) throws Exception {
        ExecutorService virtualThreads = (ExecutorService)
                Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        long control = pinnedDuring(
                () -> virtualThreads.submit(PinsInItsInitializer::touch).get(30, TimeUnit.SECONDS));
        int[] calls = {0};
        long pinned;
        List<Long> timedOutAfterMillis = new ArrayList<>();
        try (WeldContainer container = BobbinWeld.weld(Hop.class).initialize()) {
            Hop hop = container.select(Hop.class).get();
            hop.plain(0); // warm up outside the recording
            pinned = pinnedDuring(() -> {
                List<Future<Integer>> callers = new ArrayList<>();
                for (int caller = 0; caller < 64; caller++) {
                    callers.add(virtualThreads.submit(() -> {
                        int done = 0;
                        for (int i = 0; i < 200; i++) {
                            done += hop.plain(i) == i ? 1 : 0;
                            done += hop.async(i) == i ? 1 : 0;
                            done += hop.later(i).await(Duration.ofSeconds(30)) == i ? 1 : 0;
                        }
                        return done;
                    }));
                }
                for (Future<Integer> caller : callers) {
                    calls[0] += caller.get(120, TimeUnit.SECONDS);
                }
                return null;
            });
            List<Future<Long>> impatient = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                impatient.add(virtualThreads.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        hop.never().await(Duration.ofSeconds(2));
                        return -1L;
                    } catch (ReactorTimeoutException expected) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                }));
            }
            for (Future<Long> caller : impatient) {
                long millis = caller.get(60, TimeUnit.SECONDS);
                if (millis >= 0) {
                    timedOutAfterMillis.add(millis);
                }
            }
        }
        virtualThreads.shutdown();
        System.out.println("control=" + control);
        System.out.println("pinned=" + pinned);
        System.out.println("calls=" + calls[0]);
        System.out.println("timeouts=" + timedOutAfterMillis.size());
        System.out.println("earliestMillis="
                + timedOutAfterMillis.stream().mapToLong(Long::longValue).min().orElse(-1));
        System.out.println("latestMillis="
                + timedOutAfterMillis.stream().mapToLong(Long::longValue).max().orElse(-1));
    }

    private interface Load {
        Object run() throws Exception;
    }

    private static long pinnedDuring(Load load) throws Exception {
        Path file = Files.createTempFile("bobbin-pinning", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO);
            recording.start();
            load.run();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
                    .count();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Parks while initialising: a virtual thread in a class initializer is pinned to its carrier. */
    static final class PinsInItsInitializer {
        static {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }

        static int touch() {
            return 1;
        }
    }
}
