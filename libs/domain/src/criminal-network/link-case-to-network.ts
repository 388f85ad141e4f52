import { checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import type { LinkCaseToNetwork } from './criminal-network.commands.js';
import type { CaseLinkedToNetwork } from './criminal-network.events.js';
import type { CriminalNetworkState } from './criminal-network.state.js';
import { checkNotBefore, networkDataOf, requireNetwork } from './criminal-network.validation.js';

const IDENTIFICATION = { es: 'la identificación de la red', en: "the network's identification" };

/** A case linked again with the same date is a retry (nothing new); with another date it is a conflicting report. */
export function linkCaseToNetwork(command: LinkCaseToNetwork, state: CriminalNetworkState): CaseLinkedToNetwork[] {
  const data = networkDataOf(command);
  const network = requireNetwork(state, data.networkId);

  const problems: Problems = [];
  const caseId = checkUuid(problems, 'caseId', data.caseId);
  const linkedAt = checkNotBefore(problems, 'linkedAt', data.linkedAt, command.metadata.now, network.identifiedAt, IDENTIFICATION);
  throwIfProblems(problems);

  const linked = network.cases.find((link) => link.caseId === caseId);
  if (linked !== undefined) {
    if (linked.linkedAt === linkedAt) return [];
    throwIfProblems([
      problem(
        'caseId',
        'El caso ya está vinculado a esta red con otra fecha',
        'The case is already linked to this network with another date',
      ),
    ]);
  }
  return [{ type: 'CaseLinkedToNetwork', data: { networkId: network.networkId, caseId: caseId!, linkedAt: linkedAt! } }];
}
