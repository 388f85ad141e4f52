import { checkCode, checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { NETWORK_ROLES } from './criminal-network.codes.js';
import type { LinkSuspectToNetwork } from './criminal-network.commands.js';
import type { SuspectLinkedToNetwork } from './criminal-network.events.js';
import type { CriminalNetworkState } from './criminal-network.state.js';
import { checkNotBefore, networkDataOf, requireNetwork } from './criminal-network.validation.js';

const CASE_LINK = { es: 'la vinculación de su caso a la red', en: "the linking of the suspect's case to the network" };

/**
 * A suspect is known to the network through a case already linked to it, and not before that link. The same
 * suspect, role and date again is a retry; another role or date is a conflicting report (a field problem).
 */
export function linkSuspectToNetwork(command: LinkSuspectToNetwork, state: CriminalNetworkState): SuspectLinkedToNetwork[] {
  const data = networkDataOf(command);
  const network = requireNetwork(state, data.networkId);

  const problems: Problems = [];
  const caseId = checkUuid(problems, 'caseId', data.caseId);
  const suspectId = checkUuid(problems, 'suspectId', data.suspectId);
  const role = checkCode(problems, 'role', data.role, NETWORK_ROLES);
  const caseLink = caseId === undefined ? undefined : network.cases.find((link) => link.caseId === caseId);
  if (caseId !== undefined && caseLink === undefined) {
    problems.push(problem('caseId', 'El caso no está vinculado a esta red', 'The case is not linked to this network'));
  }
  const notBefore = caseLink?.linkedAt ?? network.identifiedAt;
  const linkedAt = checkNotBefore(problems, 'linkedAt', data.linkedAt, command.metadata.now, notBefore, CASE_LINK);
  throwIfProblems(problems);

  const linked = network.suspects.find((link) => link.suspectId === suspectId);
  if (linked !== undefined) {
    if (linked.caseId === caseId && linked.role === role && linked.linkedAt === linkedAt) return [];
    throwIfProblems([
      problem(
        'suspectId',
        'El sospechoso ya está vinculado a esta red con otros datos',
        'The suspect is already linked to this network with other data',
      ),
    ]);
  }
  return [
    {
      type: 'SuspectLinkedToNetwork',
      data: { networkId: network.networkId, caseId: caseId!, suspectId: suspectId!, role: role!, linkedAt: linkedAt! },
    },
  ];
}
