import { checkPastInstant, checkRequiredText, checkUuid, throwIfProblems, type Problems } from '../shared/validation.js';
import { PROSECUTION_OFFICE_MAX_LENGTH } from './prosecution.codes.js';
import type { OpenProsecution } from './prosecution.commands.js';
import { prosecutionAlreadyOpened } from './prosecution.errors.js';
import type { ProsecutionOpened } from './prosecution.events.js';
import type { ProsecutionState } from './prosecution.state.js';
import { prosecutionDataOf } from './prosecution.validation.js';

/** The referral of a police case to the Ministerio Público: the prosecution exists before any stage is decided. */
export function openProsecution(command: OpenProsecution, state: ProsecutionState): ProsecutionOpened[] {
  if (state.status !== 'unopened') throw prosecutionAlreadyOpened();

  const data = prosecutionDataOf(command);
  const problems: Problems = [];
  const prosecutionId = checkUuid(problems, 'prosecutionId', data.prosecutionId);
  const caseId = checkUuid(problems, 'caseId', data.caseId);
  const office = checkRequiredText(problems, 'office', data.office, PROSECUTION_OFFICE_MAX_LENGTH);
  const openedAt = checkPastInstant(problems, 'openedAt', data.openedAt, command.metadata.now);
  throwIfProblems(problems);

  // Every value is defined here: each check returns undefined only after recording a problem.
  return [
    {
      type: 'ProsecutionOpened',
      data: { prosecutionId: prosecutionId!, caseId: caseId!, office: office!, openedAt: openedAt! },
    },
  ];
}
