/** Injection tokens for what the platform provides to the application's modules. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CATALOGS = Symbol('CATALOGS');
export const MASTER_KEYRING = Symbol('MASTER_KEYRING');
