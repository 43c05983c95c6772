/**
 * Not API: Bobbin's container-free core (the reactor, results, the store, method rules). Its types may
 * change in any release; use {@link dev.bobbin} and {@link dev.bobbin.spi}.
 */
package dev.bobbin.core;
