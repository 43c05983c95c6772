package dev.bobbin.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

import dev.bobbin.spi.ReactorLoop;

/**
 * Bobbin's own reactor: one thread draining a lock-free queue. Submitters wake the thread only when it
 * is parked, so a busy reactor takes a burst of work without one wake-up per task. With nothing to do it
 * spins for {@link ReactorRuntime#spinNanos} before it parks: on these VMs a wake-up across CPUs costs tens
 * of microseconds, far more than the hop itself, and the next call of a busy caller usually comes sooner.
 * The spin yields rather than busy-waits, so it never keeps a runnable thread (a caller) off this CPU.
 * <p>
 * On a single CPU the spin is all yields and no overlap: it hands the CPU to the callers the last burst woke,
 * which submit their next calls before the reactor parks, so a burst needs no unpark of the reactor and no
 * park of it either (64 platform callers under {@code taskset -c 0}: 1.37 → 1.04 context switches per call,
 * 150k → 354k calls/s).
 * <p>
 * Virtual callers are the exception, on any number of CPUs, so the loop spins only after a task of a platform
 * caller. A virtual caller never waits on a CPU of its own: its carriers run the other callers meanwhile and
 * need every CPU there is, so a spinning reactor takes CPU time from them rather than saving a wake-up. On a
 * single CPU the carrier resumes the waiters in batches while the reactor is parked, and a reactor that yields
 * to the carrier after every task cuts each batch down to one call (670k → 170k calls/s); on two CPUs the
 * spin cost 64 virtual callers a third of their calls.
 */
final class OwnLoop implements ReactorLoop, Runnable {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final ReactorRuntime runtime;
    private volatile Thread thread;
    private volatile boolean parked;
    /** The queue was empty at the last look: a caller that finds it so may spin rather than park. */
    private volatile boolean idle = true;
    /** The last task came from a virtual caller; confined to the loop's thread. */
    private boolean lastFromVirtual;

    private volatile boolean closed;
    private volatile boolean ran;

    OwnLoop(ReactorRuntime runtime) {
        this.runtime = runtime;
    }

    Thread start(ThreadFactory threadFactory, String name) {
        Thread created = threadFactory.newThread(this);
        if (created == null) {
            throw new IllegalStateException(
                    "the thread factory " + threadFactory + " refused to create the reactor thread");
        }
        try {
            created.setName(name);
        } catch (SecurityException e) {
            // a managed thread may keep the server's name; it is still recognised by identity
        }
        thread = created;
        created.start();
        return created;
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the reactor loop is closed");
        }
        queue.offer(task);
        // Dekker with run(): we write the queue then read parked, it writes parked then reads the queue.
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void run() {
        ran = true;
        ReactorThreads.enter(runtime);
        try {
            while (!closed) {
                Runnable task = queue.poll();
                if (task != null) {
                    if (idle) {
                        idle = false;
                    }
                    lastFromVirtual = task instanceof ReactorTask call && call.fromVirtualCaller();
                    task.run();
                    // Each task starts with a clear flag; and a set flag would make park() return at once.
                    Thread.interrupted();
                    continue;
                }
                idle = true;
                if (!lastFromVirtual && workWithin(runtime.spinNanos)) {
                    continue;
                }
                parked = true;
                if (queue.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
            }
        } finally {
            queue.clear();
            runtime.loopEnded();
            ReactorThreads.exit();
        }
    }

    /** Spins for at most {@code nanos} until there is work (or a stop); {@code false} when none came. */
    private boolean workWithin(long nanos) {
        if (nanos <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + nanos;
        do {
            // A yield, not a busy spin: any runnable thread on this CPU (a caller about to submit) runs first.
            Thread.yield();
            if (!queue.isEmpty() || closed) {
                return true;
            }
        } while (System.nanoTime() - deadline < 0);
        return false;
    }

    /** Whether the loop found its queue empty at its last look (a hint: it may have work by now). */
    boolean idle() {
        return idle;
    }

    /** Stops taking tasks; queued ones are dropped (their results were completed by the runtime). */
    void close() {
        closed = true;
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** Whether the thread began to run the loop (a server may hold a managed thread back). */
    boolean hasRun() {
        return ran;
    }

    Thread thread() {
        return thread;
    }

    int queued() {
        return queue.size();
    }
}
