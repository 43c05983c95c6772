package dev.bobbin.core;

import java.time.Duration;

/** Container-free reactors for unit tests. */
final class Runtimes {
    private Runtimes() {}

    static Settings settings(Duration watchdog, Duration grace) {
        return settings(watchdog, grace, Settings.DEFAULTS.spin());
    }

    /** The defaults with another {@link Settings#spin()}. */
    static Settings spinning(Duration spin) {
        return settings(Settings.DEFAULTS.watchdogThreshold(), Settings.DEFAULTS.shutdownGrace(), spin);
    }

    /** Unit-test settings: no request context (there is no container), the other values as given or default. */
    private static Settings settings(Duration watchdog, Duration grace, Duration spin) {
        return new Settings("bobbin-reactor", watchdog, grace, Duration.ofMinutes(30), 10_000, false, spin);
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
