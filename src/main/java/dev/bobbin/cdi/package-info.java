/**
 * Not API: the thin CDI glue over {@link dev.bobbin.core} (extensions, interceptors, beans). Its types
 * may change in any release.
 */
package dev.bobbin.cdi;
