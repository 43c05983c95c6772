/**
 * Optional: Bobbin's reactor on a Vert.x event loop ({@link dev.bobbin.vertx.VertxReactorLoop}). Needs
 * {@code io.vertx:vertx-core} (4.5) at run time, which Quarkus applications have; nothing else in Bobbin
 * touches Vert.x, so WildFly and Open Liberty applications never need it.
 */
package dev.bobbin.vertx;
