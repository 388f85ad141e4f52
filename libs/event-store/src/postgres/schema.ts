import { appendOnlySql } from './append-only.js';

/**
 * The event store's tables. Applied by a migration (see libs/platform), never by `synchronize`.
 * - global_position orders appends, but sequence values are taken before commit, so readers order by
 *   (transaction_id, global_position) and stop at the oldest running transaction (pg_snapshot_xmin).
 * - event_id is unique: the idempotency key of an append.
 */
export const EVENT_STORE_SCHEMA_UP = `
CREATE TABLE events (
  global_position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id   xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_id        text        NOT NULL,
  stream_position  integer     NOT NULL CHECK (stream_position > 0),
  event_id         uuid        NOT NULL,
  event_type       text        NOT NULL,
  schema_version   integer     NOT NULL DEFAULT 1,
  data             jsonb       NOT NULL,
  metadata         jsonb       NOT NULL DEFAULT '{}',
  recorded_at      timestamptz NOT NULL,
  prev_hash        char(64)    NOT NULL,
  hash             char(64)    NOT NULL,
  CONSTRAINT events_stream_position_key UNIQUE (stream_id, stream_position),
  CONSTRAINT events_event_id_key UNIQUE (event_id)
);
CREATE INDEX events_transaction_order_idx ON events (transaction_id, global_position);

CREATE TABLE projection_checkpoints (
  projection_name        text PRIMARY KEY,
  transaction_id         xid8        NOT NULL DEFAULT '0',
  global_position        bigint      NOT NULL DEFAULT 0,
  events_processed       bigint      NOT NULL DEFAULT 0,
  events_skipped_unknown bigint      NOT NULL DEFAULT 0,
  updated_at             timestamptz NOT NULL DEFAULT now()
);

-- The log is append-only: refuse UPDATE, DELETE and TRUNCATE on events, even from the application's role.
${appendOnlySql('events')}
`;

export const EVENT_STORE_SCHEMA_DOWN = `
DROP TABLE projection_checkpoints;
DROP TABLE events;
DROP FUNCTION refuse_append_only_change();
`;
