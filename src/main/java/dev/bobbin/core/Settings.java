package dev.bobbin.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bobbin's configuration, read once per application start. Every key, its default and its rule are
 * listed in the README; a bad value fails the start with a message naming the key.
 *
 * @param threadName name (prefix) of the reactor thread Bobbin creates
 * @param watchdogThreshold how long one task may hold the reactor before it is reported
 * @param shutdownGrace how long stop waits for the reactor thread to finish its current task
 * @param storeTtl how long a stashed result is kept
 * @param storeMaxSize how many stashed results are kept at most
 * @param requestContext whether each task runs in a fresh request context
 * @param spin how long the reactor thread, and a platform caller whose call found the reactor idle, spin
 *     before they park ({@link Duration#ZERO}: never); the spin yields, so it keeps no runnable thread off a
 *     CPU; the reactor does not spin after the task of a virtual caller
 */
public record Settings(
        String threadName,
        Duration watchdogThreshold,
        Duration shutdownGrace,
        Duration storeTtl,
        int storeMaxSize,
        boolean requestContext,
        Duration spin) {

    /** Key of {@link #threadName()}. */
    public static final String THREAD_NAME = "bobbin.reactor.thread-name";
    /** Key of {@link #watchdogThreshold()}. */
    public static final String WATCHDOG_THRESHOLD = "bobbin.watchdog.threshold";
    /** Key of {@link #shutdownGrace()}. */
    public static final String SHUTDOWN_GRACE = "bobbin.shutdown.grace";
    /** Key of {@link #storeTtl()}. */
    public static final String STORE_TTL = "bobbin.store.ttl";
    /** Key of {@link #storeMaxSize()}. */
    public static final String STORE_MAX_SIZE = "bobbin.store.max-size";
    /** Key of {@link #requestContext()}. */
    public static final String REQUEST_CONTEXT = "bobbin.reactor.request-context";
    /** Key of {@link #spin()}. */
    public static final String SPIN = "bobbin.reactor.spin";

    /** The longest {@link #spin()}: past it, parking is cheaper than spinning on any machine. */
    static final Duration MAX_SPIN = Duration.ofMillis(1);

    /** The defaults, as documented. */
    public static final Settings DEFAULTS = new Settings(
            "bobbin-reactor",
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofMinutes(30),
            10_000,
            true,
            Duration.ofNanos(20_000));

    /**
     * Reads the settings from a source of raw values (MicroProfile Config or system properties).
     *
     * @param source gives the raw value of a key, if set
     * @return the settings, defaults where a key is not set
     * @throws IllegalArgumentException naming the key, for a malformed or out-of-range value
     */
    public static Settings load(Function<String, Optional<String>> source) {
        return new Settings(
                source.apply(THREAD_NAME).map(v -> name(THREAD_NAME, v)).orElse(DEFAULTS.threadName),
                source.apply(WATCHDOG_THRESHOLD)
                        .map(v -> duration(WATCHDOG_THRESHOLD, v))
                        .orElse(DEFAULTS.watchdogThreshold),
                source.apply(SHUTDOWN_GRACE)
                        .map(v -> duration(SHUTDOWN_GRACE, v))
                        .orElse(DEFAULTS.shutdownGrace),
                source.apply(STORE_TTL).map(v -> duration(STORE_TTL, v)).orElse(DEFAULTS.storeTtl),
                source.apply(STORE_MAX_SIZE)
                        .map(v -> positiveInt(STORE_MAX_SIZE, v))
                        .orElse(DEFAULTS.storeMaxSize),
                source.apply(REQUEST_CONTEXT).map(v -> bool(REQUEST_CONTEXT, v)).orElse(DEFAULTS.requestContext),
                source.apply(SPIN).map(v -> spin(SPIN, v)).orElse(DEFAULTS.spin));
    }

    /** Reads the settings from system properties. @return the settings */
    public static Settings fromSystemProperties() {
        return load(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * Parses a positive duration: ISO-8601 ({@code PT30S}) or a number with a unit {@code us}, {@code ms},
     * {@code s}, {@code m}, {@code h} or {@code d} ({@code 500ms}, {@code 30s}).
     */
    static Duration duration(String key, String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        Duration parsed;
        try {
            if (value.startsWith("p")) {
                parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else {
                int split = 0;
                while (split < value.length() && Character.isDigit(value.charAt(split))) {
                    split++;
                }
                long amount = Long.parseLong(value.substring(0, split));
                parsed = switch (value.substring(split).trim()) {
                    case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000));
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
        } catch (RuntimeException e) {
            throw Messages.badSetting(key, "must be a duration such as 500ms, 30s, 10m, 1h or PT30S", raw);
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw Messages.badSetting(key, "must be > 0", raw);
        }
        return parsed;
    }

    /** Parses {@link #spin()}: {@code 0} or a duration up to {@link #MAX_SPIN}. */
    static Duration spin(String key, String raw) {
        if (raw.trim().equals("0")) {
            return Duration.ZERO;
        }
        Duration parsed = duration(key, raw);
        if (parsed.compareTo(MAX_SPIN) > 0) {
            throw Messages.badSetting(key, "must be 0 (no spinning) or at most 1ms", raw);
        }
        return parsed;
    }

    static int positiveInt(String key, String raw) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Messages.badSetting(key, "must be a whole number > 0", raw);
    }

    static boolean bool(String key, String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Messages.badSetting(key, "must be true or false", raw);
        };
    }

    static String name(String key, String raw) {
        if (raw.isBlank()) {
            throw Messages.badSetting(key, "must not be blank", raw);
        }
        return raw.trim();
    }
}
