import { appendOnlySql } from './append-only.js';
/**
 * Integrity anchors (applied by a migration in libs/platform). A hash chain proves each stream's events are
 * unchanged, but not that a stream still ends where it ended: deleting a stream's last event leaves a valid
 * chain. An anchor records, as of a gap-safe log position, a SHA-256 over every stream's head, so truncation
 * (or a re-chained stream, or a back-dated insert) no longer matches it.
 * - integrity_anchor_heads holds, per anchor, only the heads that moved since the previous anchor (at most one
 *   row per event over the log's life, usually far fewer): enough to name the stream that lost events.
 * - Both tables are append-only, like the log.
 */
export const ANCHOR_SCHEMA_UP = `
CREATE TABLE integrity_anchors (
  anchor_id        bigserial   PRIMARY KEY,
  taken_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  transaction_id   xid8        NOT NULL,
  global_position  bigint      NOT NULL,
  streams          integer     NOT NULL,
  events           bigint      NOT NULL,
  heads_hash       char(64)    NOT NULL
);

CREATE TABLE integrity_anchor_heads (
  anchor_id        bigint   NOT NULL REFERENCES integrity_anchors (anchor_id),
  stream_id        text     NOT NULL,
  stream_position  integer  NOT NULL,
  hash             char(64) NOT NULL,
  PRIMARY KEY (stream_id, anchor_id)
);
CREATE INDEX integrity_anchor_heads_anchor_idx ON integrity_anchor_heads (anchor_id);

${appendOnlySql('integrity_anchors', 'integrity_anchor_heads')}
`;

export const ANCHOR_SCHEMA_DOWN = `
DROP TABLE integrity_anchor_heads;
DROP TABLE integrity_anchors;
`;
