import { problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { REGISTRY_NUMBER_FORMAT } from './police-case.codes.js';
import type { AssignRegistryNumber } from './police-case.commands.js';
import { registryNumberAssigned } from './police-case.errors.js';
import type { RegistryNumberAssigned } from './police-case.events.js';
import type { PoliceCaseState } from './police-case.state.js';
import { dataOf, requireRegisteredCase } from './police-case.validation.js';

/**
 * Records the number the application reserved in the department-year numbering stream. A case is numbered once:
 * the same number again is a retry (no-op), another one is refused, whatever corrections came since.
 */
export function assignRegistryNumber(command: AssignRegistryNumber, state: PoliceCaseState): RegistryNumberAssigned[] {
  const data = dataOf(command);
  const policeCase = requireRegisteredCase(state, data.caseId);

  const problems: Problems = [];
  const registryNumber = data.registryNumber;
  if (typeof registryNumber !== 'string' || !REGISTRY_NUMBER_FORMAT.test(registryNumber)) {
    problems.push(
      problem(
        'registryNumber',
        'Debe tener la forma DD-AAAA-NNNNNN (departamento, año, correlativo)',
        'Must read DD-YYYY-NNNNNN (department, year, sequence)',
      ),
    );
  }
  throwIfProblems(problems);

  const number = registryNumber as string;
  if (policeCase.registryNumber === number) return [];
  if (policeCase.registryNumber !== null) throw registryNumberAssigned();
  return [{ type: 'RegistryNumberAssigned', data: { caseId: policeCase.caseId, registryNumber: number } }];
}
