/**
 * Commands carry values as they arrive from the wire (codes typed as plain strings): the decider is where they
 * are validated, so their types do not pretend otherwise.
 */
import type { CommandMetadata } from '../shared/decider.js';

/** Sent by the application when a police case is referred to the Ministerio Público. */
export interface OpenProsecution {
  type: 'OpenProsecution';
  data: { prosecutionId: string; caseId: string; office: string; openedAt: string };
  metadata: CommandMetadata;
}

/** A reason is required to archive, optional to dismiss, and refused for the other stages (they record none). */
export interface RecordProsecutionStage {
  type: 'RecordProsecutionStage';
  data: { prosecutionId: string; stage: string; occurredAt: string; reason?: string | null };
  metadata: CommandMetadata;
}

export type ProsecutionCommand = OpenProsecution | RecordProsecutionStage;
