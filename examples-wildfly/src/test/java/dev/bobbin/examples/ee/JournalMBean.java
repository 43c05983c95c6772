package dev.bobbin.examples.ee;

/** Management view of {@link Journal}: plain JDK types only, so other deployments can call it. */
public interface JournalMBean {
    /** Remembers {@code loader} (a {@link ClassLoader}) weakly under {@code label}. */
    void trackLoader(String label, Object loader);

    /** Appends a line other tests can read after the deployment that wrote it is gone. */
    void note(String line);

    /** The lines noted so far. */
    String[] notes();

    /** Identifies this journal (its probe deployment). */
    String getOwner();

    /** Forgets all lines and loaders. */
    void clear();
}
