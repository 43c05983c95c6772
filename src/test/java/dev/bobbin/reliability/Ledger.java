package dev.bobbin.reliability;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Notes which operation's body ran, one bit per operation, so a body that runs twice (a duplicated task)
 * is seen; and counts the upstream cancellations the bodies observed.
 */
final class Ledger {
    private static volatile Ledger current = new Ledger(0);

    private final AtomicLongArray ran;
    final LongAdder bodies = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder upstreamCancellations = new LongAdder();

    private Ledger(long operations) {
        ran = new AtomicLongArray((int) ((operations + 63) / 64) + 1);
    }

    static Ledger reset(long operations) {
        Ledger ledger = new Ledger(operations);
        current = ledger;
        return ledger;
    }

    static Ledger current() {
        return current;
    }

    /** Called by a body on the reactor thread. */
    void ran(long op) {
        bodies.increment();
        long word = op >>> 6;
        long bit = 1L << (op & 63);
        if (op < 0 || word >= ran.length()) {
            return; // an operation outside this ledger (another test)
        }
        while (true) {
            long old = ran.get((int) word);
            if ((old & bit) != 0) {
                duplicates.increment();
                return;
            }
            if (ran.compareAndSet((int) word, old, old | bit)) {
                return;
            }
        }
    }

    boolean hasRun(long op) {
        long word = op >>> 6;
        return op >= 0 && word < ran.length() && (ran.get((int) word) & (1L << (op & 63))) != 0;
    }
}
