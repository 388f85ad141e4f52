export * from './victim-assistance.codes.js';
export * from './victim-assistance.commands.js';
export * from './victim-assistance.events.js';
export * from './victim-assistance.errors.js';
export * from './victim-assistance.state.js';
export * from './victim-assistance.decider.js';
export * from './record-assistance.js';
