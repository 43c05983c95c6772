package dev.bobbin.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** The loop alone, on a plain Vert.x (no Quarkus, no Bobbin runtime). */
class VertxReactorLoopTest {
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void tasks_runOneAtATime_inSubmissionOrder_onOneEventLoopThread() throws InterruptedException {
        VertxReactorLoop loop = VertxReactorLoop.deploy(vertx, Duration.ofSeconds(5));
        List<Integer> order = new CopyOnWriteArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicBoolean overlap = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(2_000);

        // two submitting threads: order is per submitter, so each one's sequence must stay increasing
        Runnable submitter = () -> IntStream.range(0, 1_000).forEach(i -> {
            int tag = Thread.currentThread().getName().endsWith("a") ? i : 10_000 + i;
            loop.execute(() -> {
                if (!running.compareAndSet(false, true)) {
                    overlap.set(true);
                }
                threads.add(Thread.currentThread());
                assertThat(loop.inLoop()).isTrue();
                order.add(tag);
                running.set(false);
                done.countDown();
            });
        });
        Thread a = new Thread(submitter, "submitter-a");
        Thread b = new Thread(submitter, "submitter-b");
        a.start();
        b.start();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlap).isFalse();
        assertThat(threads).containsExactly(loop.thread());
        assertThat(loop.thread().getName()).startsWith("vert.x-eventloop-thread-");
        assertThat(order.stream().filter(t -> t < 10_000).toList()).isSorted().hasSize(1_000);
        assertThat(order.stream().filter(t -> t >= 10_000).toList()).isSorted().hasSize(1_000);
        assertThat(loop.inLoop()).isFalse();
        loop.close();
    }

    @Test
    void close_refusesNewTasks_andUndeploysTheVerticle() {
        int before = vertx.deploymentIDs().size();
        VertxReactorLoop loop = VertxReactorLoop.deploy(vertx, Duration.ofSeconds(5));
        assertThat(vertx.deploymentIDs()).hasSize(before + 1);

        loop.close();
        loop.close();

        assertThatThrownBy(() -> loop.execute(() -> {}))
                .isExactlyInstanceOf(RejectedExecutionException.class)
                .hasMessage("VertxReactorLoop on '" + loop.thread().getName() + "': closed");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> vertx.deploymentIDs().size() == before);
    }

    @Test
    void deploy_onAVertxThread_isRefused_ratherThanBlockingIt() throws Exception {
        Throwable refused = vertx.<Throwable>executeBlocking(() -> {
                    try {
                        VertxReactorLoop.deploy(vertx, Duration.ofSeconds(5));
                        return null;
                    } catch (IllegalStateException e) {
                        return e;
                    }
                })
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(refused)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("VertxReactorLoop\\.deploy\\(\\): must not be called on Vert\\.x thread "
                        + "'vert\\.x-worker-thread-\\d+', it waits for a deployment; call it at startup");
    }
}
