package dev.bobbin.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what Bobbin logs (through System.Logger, routed to java.util.logging) during one test. */
public final class CapturedLogs extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final boolean parentHandlers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLogs(String name) {
        this.logger = Logger.getLogger(name);
        this.previous = logger.getLevel();
        this.parentHandlers = logger.getUseParentHandlers();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false); // expected problems stay out of the build log
        logger.addHandler(this);
    }

    /** Starts capturing the logger {@code name} and its children. */
    public static CapturedLogs of(String name) {
        return new CapturedLogs(name);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
        logger.setUseParentHandlers(parentHandlers);
    }

    public List<LogRecord> records() {
        return records;
    }

    /** Records at WARNING or above whose message contains {@code text}. */
    public List<LogRecord> problems(String text) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> r.getMessage() != null && r.getMessage().contains(text))
                .toList();
    }

    /** Every record at WARNING or above. */
    public List<LogRecord> problems() {
        return problems("");
    }
}
