/**
 * MicroProfile Health checks of the reactor, registered by Bobbin's extensions only when the MicroProfile
 * Health API is present at run time (nothing else in Bobbin refers to these classes, so applications
 * without the API never load them). Liveness: {@link dev.bobbin.health.ReactorLivenessCheck}; readiness:
 * {@link dev.bobbin.health.ReactorReadinessCheck}. The classes are not API (do not inject or extend them);
 * their names and data keys are documented in the README.
 */
package dev.bobbin.health;
