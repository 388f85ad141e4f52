import {
  ConfigError,
  KafkaPublisher,
  listDeadLetters,
  relayStatuses,
  retryDeadLetter,
  type AppConfig,
  type DeadLetter,
  type IntegrationPublisher,
  type RelayStatus,
} from '#platform';
import type { CliDatabase } from '../cli-database.js';
import { EXIT, invalidOption, type ExitCode } from '../cli-errors.js';
import { writeResult, type CliIO } from '../cli-io.js';
import type { CliCommand } from '../command-line.js';
import { operator } from '../projections.command.js';

export type IntegrationCommand = Extract<CliCommand, { command: 'integration-dead-letters' | 'integration-retry' | 'integration-status' }>;

/** Makes the publisher `retry` sends through: Kafka from the configuration, or an in-process one in tests. */
export type PublisherFactory = (config: AppConfig) => IntegrationPublisher;

const kafka: PublisherFactory = (config) => new KafkaPublisher(config.kafkaBrokers!, config.kafkaClientId);

/** Checked before connecting: `retry` re-publishes, so it needs the broker the relay uses. */
export function checkRetryable(config: AppConfig): void {
  if (!config.kafkaBrokers)
    throw new ConfigError(
      'integration retry necesita KAFKA_BROKERS (p. ej. KAFKA_BROKERS=kafka:9092) / needs KAFKA_BROKERS (e.g. KAFKA_BROKERS=kafka:9092)',
    );
}

/** One line per dead letter: where, what, how often, why, when. No event data. */
export function describeDeadLetter(d: DeadLetter): string {
  const resolved = d.resolvedAt ? `, resuelta/resolved ${d.resolvedAt} por/by ${d.resolvedBy}` : '';
  return (
    `${d.relay}: posición/position ${d.position}, ${d.eventType} (evento/event ${d.eventId}), ${d.attempts} intentos/attempts, ` +
    `${d.deadLetteredAt}: ${d.error}${resolved}`
  );
}

export function describeRelay(s: RelayStatus): string {
  const checkpoint =
    s.checkpoint === null ? 'sin punto de control (nunca corrió) / no checkpoint (never ran)' : `posición/position ${s.checkpoint}`;
  return (
    `${s.relay}: ${checkpoint}, cabeza del registro/log head ${s.logHead}, retraso/lag ${s.lagEvents} eventos/events, ` +
    `${s.eventsPublished} publicados/published, ${s.deadLetters} cartas muertas/dead letters${s.updatedAt ? `, actualizado/updated ${s.updatedAt}` : ''}`
  );
}

/** `integration dead-letters [--all] | retry --position N [--relay NAME] | status`. */
export async function runIntegration(
  command: IntegrationCommand,
  context: { db: CliDatabase; config: AppConfig; io: CliIO; publisher?: PublisherFactory },
): Promise<ExitCode> {
  const { db, config, io } = context;
  switch (command.command) {
    case 'integration-dead-letters': {
      const letters = await listDeadLetters(db.pool, { includeResolved: command.all });
      if (letters.length === 0) io.log('ninguna carta muerta / no dead letters');
      await writeResult(io, letters.map((d) => `${describeDeadLetter(d)}\n`).join(''), null);
      return EXIT.ok;
    }
    case 'integration-status': {
      const statuses = await relayStatuses(db.pool);
      await writeResult(io, statuses.map((s) => `${describeRelay(s)}\n`).join(''), null);
      return EXIT.ok;
    }
    case 'integration-retry': {
      checkRetryable(config);
      const publisher = (context.publisher ?? kafka)(config);
      try {
        const request = { position: command.position, relay: command.relay, source: `urn:${config.kafkaClientId}`, by: operator() };
        const result = await retryDeadLetter(db.pool, publisher, request);
        if (result === null)
          throw invalidOption(
            '--position',
            `no hay carta muerta sin resolver de ${command.relay} en la posición ${command.position}`,
            `no unresolved dead letter of ${command.relay} at position ${command.position}`,
          );
        io.log(
          result.outcome === 'published'
            ? `publicado y resuelto / published and resolved: ${describeDeadLetter(result.deadLetter)}`
            : `resuelto sin publicar: el contrato ya no publica ese tipo / resolved, nothing sent (the contract no longer publishes this type): ${describeDeadLetter(result.deadLetter)}`,
        );
        return EXIT.ok;
      } finally {
        await publisher.close().catch(() => undefined);
      }
    }
  }
}
