package dev.bobbin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.bobbin.testing.CapturedLogs;

class StashTest {
    private final AtomicLong clock = new AtomicLong();

    private Stash stash(int maxSize) {
        return new Stash(TimeUnit.MINUTES.toNanos(1), maxSize, clock::get);
    }

    private static Eventual<String> result(String what) {
        return new Eventual<>(null, what, false);
    }

    @Test
    void ids_are128RandomBits_base64url_andUnique() {
        Stash stash = stash(200_000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = stash.put(result("r"));
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
            ids.add(id);
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void retrieve_givesTheInstanceOnce_andGarbledIdsNothing() {
        Stash stash = stash(10);
        Eventual<String> result = result("r");
        String id = stash.put(result);
        assertThat(stash.take("x".repeat(10_000))).isEmpty();
        assertThat(stash.take(id.substring(1) + "A")).isEmpty();
        assertThat(stash.take(id)).containsSame(result);
        assertThat(stash.take(id)).isEmpty();
        assertThat(stash.size()).isZero();
    }

    @Test
    void aFullStore_refusesStash_withAClearMessage() {
        Stash stash = stash(2);
        stash.put(result("a"));
        stash.put(result("b"));
        assertThatThrownBy(() -> stash.put(result("c")))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("EventualResult#stash(): the ResultStore is full, 2 results are stashed; retrieve them,"
                        + " or raise bobbin.store.max-size or lower bobbin.store.ttl");
    }

    @Test
    void concurrentStashes_neverOvershootTheCap() throws Exception {
        int cap = 1_000;
        Stash stash = stash(cap);
        int threads = 32;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger stored = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        try {
                            stash.put(result("r"));
                            stored.incrementAndGet();
                        } catch (IllegalStateException full) {
                            // expected once the cap is reached
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored).hasValue(cap);
        assertThat(stash.size()).isEqualTo(cap);
    }

    @Test
    void expiredEntries_areDropped_andTheirUnobservedFailuresLoggedOnce() {
        Stash stash = stash(10);
        Eventual<String> failed = result("Downloads#fetch()");
        failed.fail(new IllegalStateException("never seen"));
        Eventual<String> fine = result("fine");
        fine.succeed("ok");
        String failedId = stash.put(failed);
        String fineId = stash.put(fine);
        clock.addAndGet(TimeUnit.MINUTES.toNanos(2));
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            stash.expire();
            stash.expire();
            assertThat(logs.problems())
                    .singleElement()
                    .satisfies(
                            r -> assertThat(r.getMessage())
                                    .isEqualTo(
                                            "Downloads#fetch(): stashed result expired unretrieved and its failure was never observed"));
        }
        assertThat(stash.take(failedId)).isEmpty();
        assertThat(stash.take(fineId)).isEmpty();
        assertThat(stash.size()).isZero();
    }

    @Test
    void aFullStore_makesRoomByDroppingExpiredEntries() {
        Stash stash = stash(1);
        stash.put(result("old"));
        clock.addAndGet(TimeUnit.MINUTES.toNanos(2));
        assertThat(stash.put(result("new"))).hasSize(22);
    }
}
