package dev.bobbin.core;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.bobbin.EventualResult;

/**
 * One application's stashed results: ids of 128 random bits ({@link SecureRandom}, base64url, 22
 * characters), each retrieved at most once, kept at most a TTL, and at most {@code maxSize} of them.
 */
final class Stash {
    static final int ID_LENGTH = 22;
    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private record Entry(Eventual<?> result, long expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Reserved before an entry is added, so concurrent stashes can never overshoot the cap. */
    private final AtomicInteger count = new AtomicInteger();

    private final SecureRandom random = new SecureRandom();
    private final long ttlNanos;
    private final int maxSize;
    private final LongSupplier clock;
    /**
     * A full store sweeps for expired entries at most once per this interval: a sweep walks every entry,
     * and a flood of refused stash() calls must not each pay for one (that made a full store of 10 000
     * entries take over a minute to refuse 200 000 stashes). The housekeeper sweeps regularly anyway.
     */
    private final long sweepIntervalNanos;

    private final AtomicLong lastSweep;

    Stash(long ttlNanos, int maxSize, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxSize = maxSize;
        this.clock = clock;
        this.sweepIntervalNanos = Math.max(1_000_000L, Math.min(1_000_000_000L, ttlNanos / 100));
        this.lastSweep = new AtomicLong(clock.getAsLong() - sweepIntervalNanos);
    }

    String put(Eventual<?> result) {
        if (count.incrementAndGet() > maxSize) {
            count.decrementAndGet();
            long now = clock.getAsLong();
            long last = lastSweep.get();
            if (now - last >= sweepIntervalNanos && lastSweep.compareAndSet(last, now)) {
                expire();
            }
            if (count.incrementAndGet() > maxSize) {
                count.decrementAndGet();
                throw Messages.storeFull(maxSize);
            }
        }
        String id = newId();
        entries.put(id, new Entry(result, clock.getAsLong() + ttlNanos));
        return id;
    }

    Optional<EventualResult<?>> take(String id) {
        Checks.notNull(id, "ResultStore#retrieve(id)", "id");
        if (id.length() != ID_LENGTH) {
            return Optional.empty(); // cannot be ours; spares hashing a huge garbled value
        }
        Entry entry = entries.remove(id);
        if (entry == null) {
            return Optional.empty();
        }
        count.decrementAndGet();
        if (clock.getAsLong() - entry.expiresAt > 0) {
            dropped(entry, Messages.expiredUnobserved(entry.result.what));
            return Optional.empty();
        }
        return Optional.of(entry.result);
    }

    /** Drops expired entries, logging their unobserved failures. */
    void expire() {
        long now = clock.getAsLong();
        entries.forEach((id, entry) -> {
            if (now - entry.expiresAt > 0 && entries.remove(id, entry)) {
                count.decrementAndGet();
                dropped(entry, Messages.expiredUnobserved(entry.result.what));
            }
        });
    }

    /** Empties the store at stop, logging unobserved failures. */
    void clear() {
        entries.forEach((id, entry) -> {
            if (entries.remove(id, entry)) {
                count.decrementAndGet();
                dropped(entry, Messages.stoppedUnobserved(entry.result.what));
            }
        });
    }

    int size() {
        return count.get();
    }

    private static void dropped(Entry entry, String message) {
        Eventual<?> result = entry.result;
        if (result.isUnobservedFailure()) {
            result.markObserved(); // logged here, so never again when it becomes unreachable
            Log.log(Log.RESULTS, System.Logger.Level.ERROR, message, result.failureCause());
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ID_ENCODER.encodeToString(bytes);
    }
}
