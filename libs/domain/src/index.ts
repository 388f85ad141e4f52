/** Public API of the domain library. The given/when/then test helper is deliberately not exported. */
export * from './shared/decider.js';
export * from './shared/errors.js';
export * from './shared/time.js';
export * from './reference/ubigeo.js';
export * from './reference/countries.js';
export * from './hotline-call/index.js';
export * from './people/index.js';
export * from './referral/index.js';
export * from './police-case/index.js';
export * from './prosecution/index.js';
export * from './trial/index.js';
export * from './criminal-network/index.js';
export * from './witness-protection/index.js';
export * from './victim-assistance/index.js';
