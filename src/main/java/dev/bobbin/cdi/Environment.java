package dev.bobbin.cdi;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** What the server provides, looked up where it exists: its thread factory and the application's name. */
final class Environment {
    private Environment() {}

    static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Environment.class.getClassLoader();
    }

    /**
     * The server's default {@code ManagedThreadFactory} (its threads carry the application's context), or
     * daemon platform threads with the application's class loader.
     */
    static ThreadFactory threadFactory(ClassLoader loader) {
        if (lookup("java:comp/DefaultManagedThreadFactory") instanceof ThreadFactory managed) {
            return managed;
        }
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }

    static Optional<String> applicationName() {
        return lookup("java:app/AppName") instanceof String name && !name.isBlank()
                ? Optional.of(name)
                : Optional.empty();
    }

    /**
     * Tells whether an optional API is there for Bobbin: whether {@code className} loads from Bobbin's own
     * class loader (the one that links Bobbin's classes using that API).
     */
    static boolean visible(String className) {
        try {
            Class.forName(className, false, Environment.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Object lookup(String name) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null; // not in a server (Weld SE, Quarkus): Bobbin makes its own
        }
    }
}
