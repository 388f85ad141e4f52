/** Public API of the domain library. The given/when/then test helper is deliberately not exported. */
export * from './shared/decider.js';
export * from './shared/errors.js';
export * from './shared/time.js';
export * from './reference/ubigeo.js';
export * from './reference/countries.js';
export * from './hotline-call/index.js';
