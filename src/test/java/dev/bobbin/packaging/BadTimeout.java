package dev.bobbin.packaging;

import dev.bobbin.WaitFor;

/** Invalid, and not bean-defining: only the test that wants it adds it. */
public class BadTimeout {
    @WaitFor(timeout = 0)
    public String call() {
        return "";
    }
}
