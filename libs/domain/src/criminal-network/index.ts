export * from './criminal-network.codes.js';
export * from './criminal-network.commands.js';
export * from './criminal-network.events.js';
export * from './criminal-network.errors.js';
export * from './criminal-network.state.js';
export * from './criminal-network.decider.js';
