package dev.bobbin.core;

import java.time.Duration;

/** Container-free reactors for unit tests. */
final class Runtimes {
    private Runtimes() {}

    static Settings settings(Duration watchdog, Duration grace) {
        return new Settings(
                "bobbin-reactor", watchdog, grace, Duration.ofMinutes(30), 10_000, false, Settings.DEFAULTS.spin());
    }

    static ReactorRuntime started() {
        return started(Settings.DEFAULTS);
    }

    static ReactorRuntime started(Settings settings) {
        ReactorRuntime runtime = new ReactorRuntime(
                settings,
                "bobbin-reactor-unit",
                runnable -> {
                    Thread thread = new Thread(runnable);
                    thread.setDaemon(true);
                    return thread;
                },
                null,
                TaskContext.NONE);
        runtime.start();
        return runtime;
    }
}
