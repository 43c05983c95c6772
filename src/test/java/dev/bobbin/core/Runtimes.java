package dev.bobbin.core;

import java.time.Duration;

/** Container-free reactors for unit tests. */
final class Runtimes {
    private Runtimes() {}

    static Settings settings(Duration watchdog, Duration grace) {
        return new Settings(
                "bobbin-reactor", watchdog, grace, Duration.ofMinutes(30), 10_000, false, Settings.DEFAULTS.spin());
    }

    /** The defaults with another {@link Settings#spin()}, and no request context. */
    static Settings spinning(Duration spin) {
        Settings defaults = Settings.DEFAULTS;
        return new Settings(
                defaults.threadName(),
                defaults.watchdogThreshold(),
                defaults.shutdownGrace(),
                defaults.storeTtl(),
                defaults.storeMaxSize(),
                false,
                spin);
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
