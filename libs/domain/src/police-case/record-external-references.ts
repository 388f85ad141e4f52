import { problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { EXTERNAL_REFERENCE_KINDS, type ExternalReferenceKind } from './police-case.codes.js';
import type { RecordExternalReferences } from './police-case.commands.js';
import type { ExternalReferencesRecorded } from './police-case.events.js';
import { checkReference } from './police-case.qualification.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireRegisteredCase } from './police-case.validation.js';

const isKind = (key: string): key is ExternalReferenceKind => (EXTERNAL_REFERENCE_KINDS as readonly string[]).includes(key);

/**
 * Records the numbers other institutions gave the case (any status: they complete the record). A value is trimmed;
 * null or blank removes the kind. Only real changes are listed, in EXTERNAL_REFERENCE_KINDS order.
 */
export function recordExternalReferences(command: RecordExternalReferences, state: PoliceCaseState): ExternalReferencesRecorded[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);

  const problems: Problems = [];
  const requested = checkReferenceChanges(problems, data.references);
  throwIfProblems(problems);

  const references: Partial<Record<ExternalReferenceKind, string | null>> = {};
  for (const kind of EXTERNAL_REFERENCE_KINDS) {
    const value = requested[kind];
    if (value !== undefined && value !== (policeCase.references[kind] ?? null)) references[kind] = value;
  }
  if (Object.keys(references).length === 0) return [];
  return [{ type: 'ExternalReferencesRecorded', data: { caseId: policeCase.caseId, references } }];
}

function checkReferenceChanges(problems: Problems, value: unknown): Partial<Record<ExternalReferenceKind, string | null>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      problem('references', 'Debe ser un objeto con las referencias externas', 'Must be an object with the external references'),
    );
    return {};
  }
  const given = value as Record<string, unknown>;
  if (Object.values(given).every((field) => field === undefined)) {
    problems.push(problem('references', 'Indique al menos una referencia', 'Give at least one reference'));
    return {};
  }
  const requested: Partial<Record<ExternalReferenceKind, string | null>> = {};
  for (const [key, field] of Object.entries(given)) {
    if (field === undefined) continue;
    if (!isKind(key)) {
      problems.push(problem(`references.${key}`, 'No es un tipo de referencia externa', 'Not a kind of external reference'));
      continue;
    }
    const reference = checkReference(problems, `references.${key}`, field);
    if (reference !== undefined) requested[key] = reference;
  }
  return requested;
}
