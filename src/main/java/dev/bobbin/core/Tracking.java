package dev.bobbin.core;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs failures nobody observed, once, when their result becomes unreachable.
 * <p>
 * This is the mechanism of {@link java.lang.ref.Cleaner} (phantom references, no finalizer), drained by
 * the application's housekeeping thread instead of a Cleaner thread: a JVM-wide Cleaner thread would
 * outlive the application and pin its class loader across redeploys. Each reference holds only a small
 * {@link Tracker} (the failure and a flag), never the result. Only failed results are tracked, so a
 * successful hop costs nothing here.
 */
final class Tracking {
    private final ReferenceQueue<Eventual<?>> queue = new ReferenceQueue<>();
    /** Keeps the phantom references reachable until they are enqueued or the failure is observed. */
    private final Set<Tracker> live = ConcurrentHashMap.newKeySet();

    /** What stays of a failed result once it is unreachable. */
    final class Tracker extends PhantomReference<Eventual<?>> {
        private final String what;
        private final Throwable failure;
        private volatile boolean observed;

        Tracker(Eventual<?> result, Throwable failure) {
            super(result, queue);
            this.what = result.what;
            this.failure = failure;
        }

        void observed() {
            observed = true;
            live.remove(this);
            clear();
        }
    }

    /** Starts tracking a failed result; the result re-checks its observed flag afterwards. */
    Tracker track(Eventual<?> result, Throwable failure) {
        Tracker tracker = new Tracker(result, failure);
        live.add(tracker);
        return tracker;
    }

    /** Logs the unobserved failures of results that became unreachable since the last call. */
    void drain() {
        for (Reference<? extends Eventual<?>> ref; (ref = queue.poll()) != null; ) {
            Tracker tracker = (Tracker) ref;
            if (live.remove(tracker) && !tracker.observed) {
                Log.log(
                        Log.RESULTS,
                        System.Logger.Level.ERROR,
                        Messages.unobservedFailure(tracker.what),
                        tracker.failure);
            }
        }
    }

    /** Forgets everything at stop: results still reachable then belong to the application's code. */
    void clear() {
        live.clear();
        while (queue.poll() != null) {
            // drop
        }
    }

    int size() {
        return live.size();
    }
}
