/**
 * Bobbin's public API: run code on the application's reactor thread from blocking code.
 * <p>
 * {@link dev.bobbin.WaitFor} blocks the caller for the result, {@link dev.bobbin.RunInReactor} returns an
 * {@link dev.bobbin.EventualResult} at once, {@link dev.bobbin.ResultStore} hands a stashed result back
 * later, and {@link dev.bobbin.Reactor} offers the same programmatically.
 */
package dev.bobbin;
