package dev.bobbin.context;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean: a fresh instance per task proves a fresh request context per task. */
@RequestScoped
public class Visit {
    static final AtomicInteger DESTROYED = new AtomicInteger();
    private static final AtomicInteger CREATED = new AtomicInteger();
    private final int number = CREATED.incrementAndGet();

    public int number() {
        return number;
    }

    @PreDestroy
    void end() {
        DESTROYED.incrementAndGet();
    }
}
