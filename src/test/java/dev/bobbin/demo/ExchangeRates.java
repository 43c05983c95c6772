package dev.bobbin.demo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/** Crochet's exchange-rate example: the reactor updates a rate in the background; blocking code reads it. */
@ApplicationScoped
public class ExchangeRates {
    @Inject
    Reactor reactor;

    private final Map<String, Double> rates = new ConcurrentHashMap<>();
    private final BroadcastProcessor<Double> updates = BroadcastProcessor.create();
    /** The clock of the updates (Mutiny's default one has non-daemon threads that would outlive the demo). */
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-clock");
        thread.setDaemon(true);
        return thread;
    });

    private Cancellable ticker;

    /** Starts the periodic update on the reactor thread. */
    @RunInReactor
    public void start() {
        ticker = Multi.createFrom()
                .ticks()
                .onExecutor(clock)
                .every(Duration.ofMillis(100))
                .emitOn(reactor.executor()) // every update runs on the reactor thread
                .subscribe()
                .with(tick -> {
                    double rate = 1.08 + (tick % 7) / 1000.0;
                    rates.put("EURUSD", rate);
                    updates.onNext(rate);
                });
    }

    /** The latest rate, read on the reactor thread: no lock needed, the reactor is the only writer. */
    @WaitFor(timeout = 1)
    public Double latest(String pair) {
        return rates.get(pair);
    }

    /** Completes with the next update. */
    @RunInReactor
    public EventualResult<Double> nextUpdate() {
        return EventualResult.from(Uni.createFrom().publisher(updates));
    }

    @RunInReactor
    public void stop() {
        ticker.cancel();
    }

    @PreDestroy
    void stopClock() {
        clock.shutdownNow();
    }
}
