package dev.bobbin.examples.ee;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the example's JAX-RS resources under {@code /api}. */
@ApplicationPath("/api")
public class ExampleApplication extends Application {}
