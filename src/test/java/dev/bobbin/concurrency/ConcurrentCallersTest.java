package dev.bobbin.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.bobbin.testing.BobbinWeld;

@EnableWeld
class ConcurrentCallersTest {
    @WeldSetup
    WeldInitiator weld = BobbinWeld.with(Counter.class);

    @Inject
    Counter counter;

    @Test
    void sixtyFourCallers_throughBothAnnotations_loseNoUpdate() throws Exception {
        int callers = 64;
        int callsEach = 500;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CyclicBarrier start = new CyclicBarrier(callers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                done.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    int calls = 0;
                    for (int i = 0; i < callsEach; i++) {
                        counter.increment();
                        counter.incrementLater().await(Duration.ofSeconds(30));
                        calls += 2;
                    }
                    return calls;
                }));
            }
            int total = 0;
            for (Future<Integer> caller : done) {
                total += caller.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(callers * callsEach * 2);
            assertThat(counter.count()).isEqualTo((long) total);
        } finally {
            pool.shutdownNow();
        }
    }
}
