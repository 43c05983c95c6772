package dev.bobbin.byo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.bobbin.spi.ReactorLoop;

/**
 * An application that owns its event loop and gives it to Bobbin. Not bean-defining: only the test of
 * this scenario adds it.
 */
public class AppLoop {
    static final ExecutorService LOOP = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "app-loop");
        thread.setDaemon(true);
        return thread;
    });

    @Produces
    @ApplicationScoped
    ReactorLoop loop() {
        return ReactorLoop.of(LOOP);
    }

    @PreDestroy
    void nothingToDo() {
        // The application owns LOOP: Bobbin must not shut it down.
    }
}
