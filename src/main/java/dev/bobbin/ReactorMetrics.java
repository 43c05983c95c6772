package dev.bobbin;

/**
 * A snapshot of one application's reactor counters, from {@link Reactor#metrics()}: cheap to take, safe
 * from any thread, never blocks the reactor.
 * <p>
 * Counters are cumulative since the application started and never go down; gauges ({@link #queueDepth},
 * {@link #pendingResults}, {@link #storeSize}) are the value at the time of the snapshot. The counters are
 * updated without locks, so the fields of one snapshot are each exact but not taken at one single
 * instant. Export them to a metrics system by polling, e.g. from a MicroProfile Metrics gauge or a
 * Micrometer {@code FunctionCounter}.
 *
 * @param running whether the reactor accepts work ({@link Reactor#isRunning()})
 * @param tasksSubmitted tasks handed to the reactor: bodies of {@code @WaitFor} and {@code @RunInReactor}
 *     calls, {@link Reactor#executor()} tasks, and Bobbin's own (cancellations, probes)
 * @param tasksRun tasks the reactor thread has started
 * @param tasksFailed tasks that threw (a body's exception or {@code Error}); the reactor survived each
 * @param timeouts waits that gave up: {@code @WaitFor} calls, {@link Reactor#waitFor} /
 *     {@link Reactor#waitForUni} and {@link EventualResult#await} / {@link EventualResult#awaitOrCancel}
 *     that threw {@link ReactorTimeoutException}
 * @param cancellations results completed by a cancellation: {@link EventualResult#cancel()}, and the
 *     cancellations caused by a {@code @WaitFor} or {@code awaitOrCancel} timeout
 * @param queueDepth tasks submitted and not yet started (0 once the reactor stopped)
 * @param pendingResults results of this application not yet complete
 * @param storeSize results stashed in the {@link ResultStore} now
 */
public record ReactorMetrics(
        boolean running,
        long tasksSubmitted,
        long tasksRun,
        long tasksFailed,
        long timeouts,
        long cancellations,
        long queueDepth,
        int pendingResults,
        int storeSize) {}
