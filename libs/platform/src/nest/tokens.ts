/** Injection tokens for what the platform provides to the application's modules. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
/** The event store commands and readers use: personal fields sealed on append, opened on read. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The log as stored (sealed), for readers of structure and metadata only (scope checks, timelines, verification). */
export const EVENT_LOG = Symbol('EVENT_LOG');
export const CATALOGS = Symbol('CATALOGS');
export const MASTER_KEYRING = Symbol('MASTER_KEYRING');

/** The KurrentDB log (EVENT_STORE=kurrentdb), or null: the raw adapter the log copier reads. */
export const KURRENTDB_LOG = Symbol('KURRENTDB_LOG');
