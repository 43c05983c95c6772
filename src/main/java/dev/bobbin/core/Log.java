package dev.bobbin.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logging through {@link System.Logger}, guarded: a broken logger must never break the reactor or lose a
 * result, so every failure of the logging system itself is swallowed.
 */
final class Log {
    static final Logger REACTOR = System.getLogger("dev.bobbin.reactor");
    static final Logger RESULTS = System.getLogger("dev.bobbin.results");
    static final Logger WATCHDOG = System.getLogger("dev.bobbin.watchdog");

    private Log() {}

    static void log(Logger logger, Level level, String message, Throwable failure) {
        try {
            if (logger.isLoggable(level)) {
                logger.log(level, message, failure);
            }
        } catch (Throwable ignored) {
            // Logging must not take the reactor down; there is nowhere left to report this.
        }
    }

    static void log(Logger logger, Level level, String message) {
        try {
            if (logger.isLoggable(level)) {
                logger.log(level, message);
            }
        } catch (Throwable ignored) {
            // as above
        }
    }
}
