import { checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import type { RecordOperation } from './police-case.commands.js';
import type { OperationConducted } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { checkAfterRegistration, checkCount, dataOf, requireActiveCase } from './police-case.validation.js';

export function recordOperation(command: RecordOperation, state: PoliceCaseState): OperationConducted[] {
  const data = dataOf(command);
  const policeCase = requireActiveCase(state, data.caseId);

  const problems: Problems = [];
  const operationId = checkUuid(problems, 'operationId', data.operationId);
  const conductedAt = checkAfterRegistration(problems, 'conductedAt', data.conductedAt, command.metadata.now, policeCase);
  const rescued = checkCount(problems, 'rescued', data.rescued);
  const detained = checkCount(problems, 'detained', data.detained);
  throwIfProblems(problems);

  // The same operation sent again (a retried request) changes nothing; the same id with other figures is a
  // conflicting report, refused so that rescued people are never counted twice or silently overwritten.
  const recorded = policeCase.operations.find((operation) => operation.operationId === operationId);
  if (recorded !== undefined) {
    const same = recorded.conductedAt === conductedAt && recorded.rescued === rescued && recorded.detained === detained;
    if (same) return [];
    throwIfProblems([
      problem('operationId', 'Este operativo ya está registrado con otros datos', 'This operation is already recorded with other figures'),
    ]);
  }
  return [
    {
      type: 'OperationConducted',
      data: { caseId: policeCase.caseId, operationId: operationId!, conductedAt: conductedAt!, rescued: rescued!, detained: detained! },
    },
  ];
}
