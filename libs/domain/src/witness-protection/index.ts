export * from './witness-protection.codes.js';
export * from './witness-protection.commands.js';
export * from './witness-protection.events.js';
export * from './witness-protection.state.js';
export * from './witness-protection.decider.js';
