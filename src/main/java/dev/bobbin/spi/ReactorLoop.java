package dev.bobbin.spi;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * An event loop the application already owns, given to Bobbin instead of Bobbin's own reactor thread:
 * Crochet's {@code no_setup()}.
 * <p>
 * To use one, make it a CDI bean of type {@code ReactorLoop} (e.g. with a producer method); Bobbin then
 * starts no reactor thread of its own and runs every task through {@link #execute(Runnable)}, with the
 * same semantics. The loop must run tasks <em>one at a time, in submission order, on one thread</em>,
 * and {@link #inLoop()} must recognise that thread. Bobbin never shuts the loop down: on stop it only
 * stops submitting to it and completes its pending results.
 */
public interface ReactorLoop {

    /**
     * Runs {@code task} later on the loop's thread, after the tasks submitted before it. Called from any
     * thread, including the loop's own; must not block.
     *
     * @param task the task; never {@code null}
     * @throws java.util.concurrent.RejectedExecutionException when the loop no longer accepts tasks
     */
    void execute(Runnable task);

    /**
     * Tells whether the calling thread is the loop's thread.
     *
     * @return {@code true} when called on the loop's thread
     */
    boolean inLoop();

    /**
     * Adapts an executor the application owns that runs tasks one at a time on one thread (such as
     * {@link java.util.concurrent.Executors#newSingleThreadExecutor()}). Its thread is recognised by
     * {@link #inLoop()} once it ran a task of Bobbin's.
     *
     * @param serialExecutor the executor; must not be {@code null}; must be serial and single-threaded
     * @return a loop over {@code serialExecutor}
     */
    static ReactorLoop of(Executor serialExecutor) {
        Objects.requireNonNull(serialExecutor, "ReactorLoop.of(serialExecutor): must not be null");
        return new ReactorLoop() {
            private volatile Thread thread;

            @Override
            public void execute(Runnable task) {
                serialExecutor.execute(() -> {
                    thread = Thread.currentThread();
                    task.run();
                });
            }

            @Override
            public boolean inLoop() {
                return thread == Thread.currentThread();
            }

            @Override
            public String toString() {
                return "ReactorLoop.of(" + serialExecutor + ")";
            }
        };
    }
}
