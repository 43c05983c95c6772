package dev.bobbin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.ResultStore;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.CapturedLogs;
import dev.bobbin.testing.Threads;

/**
 * The result store of real applications, as an attacker or a flood sees it. Unit-level rules (id format,
 * one-time, cap under concurrency, expiry logging) are in {@code StashTest}; two applications' stores in
 * {@code LifecycleTest}. Here: ids of two live applications, races for one id, a flood measured on the
 * heap, and expiry with its log through the housekeeping thread.
 */
class ResultStoreSecurityTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void cleanUp() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void idsOfTwoApplications_are128EvenBits_unique_andUselessInTheOtherApplication() {
        int perApplication = 5_000;
        try (WeldContainer first = BobbinWeld.weld(Faults.class).initialize();
                WeldContainer second = BobbinWeld.weld(Faults.class).initialize()) {
            List<String> firstIds = stash(first, perApplication);
            List<String> secondIds = stash(second, perApplication);
            Set<String> all = new HashSet<>(firstIds);
            all.addAll(secondIds);
            assertThat(all).as("unique across both applications").hasSize(2 * perApplication);

            int[] ones = new int[128];
            for (String id : all) {
                assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}");
                byte[] bits = Base64.getUrlDecoder().decode(id);
                assertThat(bits).hasSize(16);
                for (int bit = 0; bit < 128; bit++) {
                    if ((bits[bit / 8] >> (bit % 8) & 1) == 1) {
                        ones[bit]++;
                    }
                }
            }
            // Every one of the 128 bits is a fair coin (no counter, no constant, no clock): with 10 000 ids a
            // fair bit lies within 50% ± 3% with probability 1 - 2e-9.
            for (int bit = 0; bit < 128; bit++) {
                assertThat(ones[bit] / (double) all.size())
                        .as("bit %d set", bit)
                        .isBetween(0.47, 0.53);
            }

            ResultStore firstStore = first.select(ResultStore.class).get();
            ResultStore secondStore = second.select(ResultStore.class).get();
            for (String id : firstIds) {
                assertThat(secondStore.retrieve(id))
                        .as("a first-application id in the second")
                        .isEmpty();
            }
            for (String id : secondIds) {
                assertThat(firstStore.retrieve(id))
                        .as("a second-application id in the first")
                        .isEmpty();
            }
            // The trials took nothing away from the owners.
            assertThat(firstStore.size()).isEqualTo(perApplication);
            assertThat(secondStore.size()).isEqualTo(perApplication);
            for (String id : firstIds) {
                assertThat(firstStore.retrieve(id)).isPresent();
            }
            assertThat(firstStore.size()).isZero();
        }
    }

    private static List<String> stash(WeldContainer container, int count) {
        Faults faults = container.select(Faults.class).get();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(faults.value("v" + i).stash());
        }
        return ids;
    }

    @Test
    void sixteenThreadsRacingForOneId_exactlyOneGetsIt() throws Exception {
        try (WeldContainer container = BobbinWeld.weld(Faults.class).initialize()) {
            Faults faults = container.select(Faults.class).get();
            ResultStore store = container.select(ResultStore.class).get();
            for (int round = 0; round < 500; round++) {
                EventualResult<String> result = faults.value("prize");
                String id = result.stash();
                CyclicBarrier start = new CyclicBarrier(16);
                AtomicInteger winners = new AtomicInteger();
                List<Future<?>> racers = new ArrayList<>();
                for (int r = 0; r < 16; r++) {
                    racers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        store.retrieve(id).ifPresent(got -> {
                            assertThat(got).isSameAs(result);
                            winners.incrementAndGet();
                        });
                        return null;
                    }));
                }
                for (Future<?> racer : racers) {
                    racer.get(10, TimeUnit.SECONDS);
                }
                assertThat(winners).as("round %d", round).hasValue(1);
            }
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void aFloodOfStashes_isRefusedAtTheCap_andTheHeapStaysFlat() throws Exception {
        int cap = 10_000; // the default bobbin.store.max-size
        int floodPerThread = 25_000;
        int threads = 8;
        try (WeldContainer container = BobbinWeld.weld(Faults.class).initialize()) {
            Faults faults = container.select(Faults.class).get();
            ResultStore store = container.select(ResultStore.class).get();
            faults.value("warm").stash(); // first use: loads what the store needs
            store.size();
            long empty = usedHeapAfterGc();
            ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
            LongAdder refused = new LongAdder();
            ConcurrentLinkedQueue<String> otherErrors = new ConcurrentLinkedQueue<>();
            flood(faults, threads, floodPerThread, accepted, refused, otherErrors);
            assertThat(otherErrors).isEmpty();
            assertThat(accepted).hasSize(cap - 1);
            assertThat(store.size()).isEqualTo(cap);
            long full = usedHeapAfterGc();

            // A second flood as big as the first: every stash is refused, the heap does not grow.
            int acceptedBefore = accepted.size();
            long floodStart = System.nanoTime();
            flood(faults, threads, floodPerThread, accepted, refused, otherErrors);
            Duration refusedFlood = Duration.ofNanos(System.nanoTime() - floodStart);
            // Refusing is cheap: a full store no longer walks all its entries on every refused stash().
            assertThat(refusedFlood).isLessThan(Duration.ofSeconds(30));
            assertThat(accepted).hasSize(acceptedBefore);
            long afterSecondFlood = usedHeapAfterGc();
            assertThat(refused.sum()).isEqualTo(2L * threads * floodPerThread - (cap - 1));
            assertThat(store.size()).isEqualTo(cap);
            assertThat(afterSecondFlood - full)
                    .as("growth during a refused flood")
                    .isLessThan(2L << 20);

            long perEntry = (full - empty) / cap;
            assertThat(perEntry).as("bytes per stashed result").isLessThan(2_048);

            for (String id : accepted) {
                assertThat(store.retrieve(id)).isPresent();
            }
            assertThat(faults.value("room again").stash()).hasSize(22);
            System.out.printf(
                    "STORE FLOOD: %d stash() calls from %d threads, %d accepted (cap %d), %d refused;"
                            + " heap: empty %.1f MiB, full %.1f MiB (%d bytes per entry), after a second"
                            + " refused flood %.1f MiB (it took %d ms)%n",
                    2L * threads * floodPerThread,
                    threads,
                    acceptedBefore + 1,
                    cap,
                    refused.sum(),
                    empty / 1048576.0,
                    full / 1048576.0,
                    perEntry,
                    afterSecondFlood / 1048576.0,
                    refusedFlood.toMillis());
        }
    }

    private void flood(
            Faults faults,
            int threads,
            int perThread,
            ConcurrentLinkedQueue<String> accepted,
            LongAdder refused,
            ConcurrentLinkedQueue<String> otherErrors)
            throws Exception {
        String full = "EventualResult#stash(): the ResultStore is full, 10000 results are stashed; retrieve them,"
                + " or raise bobbin.store.max-size or lower bobbin.store.ttl";
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> flooders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            flooders.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                EventualResult<String> result = faults.value("flood");
                for (int i = 0; i < perThread; i++) {
                    try {
                        accepted.add(result.stash());
                    } catch (IllegalStateException e) {
                        if (e.getMessage().equals(full)) {
                            refused.increment();
                        } else {
                            otherErrors.add(e.toString());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> flooder : flooders) {
            flooder.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void expiredEntries_areDroppedByTheHousekeeper_andTheirUnobservedFailuresLoggedOnce() {
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin");
                WeldContainer container = Configured.container(
                        Map.of("bobbin.store.ttl", "300ms", "bobbin.watchdog.threshold", "100ms"), Faults.class)) {
            Faults faults = container.select(Faults.class).get();
            ResultStore store = container.select(ResultStore.class).get();
            EventualResult<String> failed = faults.failed(new IllegalStateException("nobody looked"));
            await().atMost(LONG).until(failed::isDone);
            String failedId = failed.stash();
            String fineId = faults.value("fine").stash();
            EventualResult<String> observed = faults.failed(new IllegalStateException("looked at"));
            assertThat(catchThrowable(() -> observed.await(LONG))).hasMessage("looked at");
            String observedId = observed.stash();
            failed = null; // only the store holds it now

            await().atMost(LONG).until(() -> store.size() == 0);
            assertThat(store.retrieve(failedId)).isEmpty();
            assertThat(store.retrieve(fineId)).isEmpty();
            assertThat(store.retrieve(observedId)).isEmpty();
            // Collected later, the failure is not logged a second time as unobserved.
            await().during(Duration.ofMillis(600)).atMost(LONG).until(() -> {
                System.gc();
                return logs.problems("nobody observed").isEmpty();
            });
            assertThat(logs.problems()).singleElement().satisfies(r -> {
                assertThat(r.getLoggerName()).isEqualTo("dev.bobbin.results");
                assertThat(r.getMessage())
                        .isEqualTo("Faults#failed(RuntimeException): stashed result expired unretrieved and its"
                                + " failure was never observed");
                assertThat(r.getThrown()).hasMessage("nobody looked");
            });
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
