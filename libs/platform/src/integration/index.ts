export * from './integration-publisher.js';
export * from './integration-contract.js';
export * from './integration-schemas.js';
export { OutboxRelay, type RelayOptions, type RelayBackoff } from './outbox-relay.js';
export { RelayDaemon, DEFAULT_RELAY_BACKOFF } from './relay-daemon.js';
export { registerRelayLagGauges, relayLag } from './relay-lag.js';
export { KafkaPublisher } from './kafka-publisher.js';
export { listDeadLetters, relayStatuses, retryDeadLetter, type DeadLetter, type RelayStatus, type RetryOutcome } from './dead-letters.js';
