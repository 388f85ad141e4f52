export * from './config/config.js';
export * from './config/project-root.js';
export * from './database/data-source.js';
export * from './embedded/embedded-database.js';
export * from './nest/infrastructure.module.js';
export * from './nest/tokens.js';
export * from './privacy/field-sealer.js';
export * from './reference/catalogs.js';
