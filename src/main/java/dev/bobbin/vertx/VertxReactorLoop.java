package dev.bobbin.vertx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.bobbin.spi.ReactorLoop;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Bobbin's reactor on one Vert.x event-loop context: Crochet's {@code no_setup()} for Quarkus. Bobbin
 * starts no thread; every task runs on the event-loop thread the context is bound to, one at a time, in
 * submission order.
 * <p>
 * The context is a verticle's own: deploying a verticle is the public way to get a fresh event-loop
 * context. {@code vertx.getOrCreateContext()} is not: on a Quarkus worker thread it returns the
 * duplicated context of the HTTP request being served. The event-loop thread is shared with whatever
 * else the event loop runs (HTTP, clients), so a task must never block; Bobbin refuses to wait on it, as
 * on any event-loop thread.
 */
public final class VertxReactorLoop implements ReactorLoop, AutoCloseable {
    private final Vertx vertx;
    private final Context context;
    private final Thread thread;
    private final String deploymentId;
    private volatile boolean closed;

    private VertxReactorLoop(Vertx vertx, Anchor anchor, String deploymentId) {
        this.vertx = vertx;
        this.context = anchor.context;
        this.thread = anchor.thread;
        this.deploymentId = deploymentId;
    }

    /**
     * Deploys a verticle to get a fresh event-loop context and returns a loop on it. Blocks until the
     * verticle is deployed.
     *
     * @param vertx the application's Vert.x; must not be {@code null}
     * @param timeout how long to wait for the deployment; must be positive
     * @return the loop
     * @throws IllegalStateException when called on a Vert.x thread (it would wait for the event loop it
     *     runs on), or when the deployment fails or takes longer than {@code timeout}
     */
    public static VertxReactorLoop deploy(Vertx vertx, Duration timeout) {
        Objects.requireNonNull(vertx, "VertxReactorLoop.deploy(vertx, timeout): vertx must not be null");
        if (Context.isOnVertxThread()) {
            throw new IllegalStateException("VertxReactorLoop.deploy(): must not be called on Vert.x thread '"
                    + Thread.currentThread().getName() + "', it waits for a deployment; call it at startup");
        }
        Anchor anchor = new Anchor();
        try {
            String id = vertx.deployVerticle(anchor)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new VertxReactorLoop(vertx, anchor, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("VertxReactorLoop.deploy(): interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "VertxReactorLoop.deploy(): the verticle was not deployed within " + timeout,
                    e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("VertxReactorLoop on '" + thread.getName() + "': closed");
        }
        context.runOnContext(ignored -> task.run());
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** @return the event-loop thread every task runs on */
    public Thread thread() {
        return thread;
    }

    /** Stops accepting tasks and undeploys the verticle; does not wait. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            // Vert.x may already be closing (application stop): the deployment then goes with it.
            vertx.undeploy(deploymentId);
        }
    }

    @Override
    public String toString() {
        return "VertxReactorLoop[" + thread.getName() + ", deployment " + deploymentId + "]";
    }

    /** A verticle with no behaviour: it only owns the context and tells its thread. */
    private static final class Anchor extends AbstractVerticle {
        private volatile Context context;
        private volatile Thread thread;

        @Override
        public void start() {
            context = super.context;
            thread = Thread.currentThread();
        }
    }
}
