/**
 * Commands carry codes as the domain's own types: the edge (the API's DTOs) parses wire values into them, so a
 * code is checked in exactly one place and the decider enforces business rules only.
 */
import type { CommandMetadata } from '../shared/decider.js';
import type { ProsecutionStage } from './prosecution.codes.js';

/** Sent by the application when a police case is referred to the Ministerio Público. */
export interface OpenProsecution {
  type: 'OpenProsecution';
  data: { prosecutionId: string; caseId: string; office: string; openedAt: string };
  metadata: CommandMetadata;
}

/** A reason is required to archive, optional to dismiss, and refused for the other stages (they record none). */
export interface RecordProsecutionStage {
  type: 'RecordProsecutionStage';
  data: { prosecutionId: string; stage: ProsecutionStage; occurredAt: string; reason?: string | null };
  metadata: CommandMetadata;
}

export type ProsecutionCommand = OpenProsecution | RecordProsecutionStage;
