package dev.bobbin.examples.ee;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Added to deployments under test: reports their class loaders to the probe's {@link Journal} when they start
 * (labels "{@code <context path>#<n> class loader}").
 */
@WebListener
public class LoaderReporter implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        String label = event.getServletContext().getContextPath() + "#" + System.nanoTime();
        ClassLoader loader = LoaderReporter.class.getClassLoader();
        JournalClient.trackLoader(label + " class loader", loader);
        // Open Liberty's context class loader is a distinct wrapper around the application's class loader.
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != loader) {
            JournalClient.trackLoader(label + " context class loader", context);
        }
    }
}
