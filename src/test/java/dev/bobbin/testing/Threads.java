package dev.bobbin.testing;

import java.util.List;

/** Looks at the JVM's live threads. */
public final class Threads {
    private Threads() {}

    /** Live threads whose name starts with {@code bobbin-} (reactor and helper threads). */
    public static List<Thread> bobbinThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("bobbin-"))
                .toList();
    }
}
