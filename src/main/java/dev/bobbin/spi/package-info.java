/**
 * Seams for integrators: bring your own event loop ({@link dev.bobbin.spi.ReactorLoop}).
 */
package dev.bobbin.spi;
