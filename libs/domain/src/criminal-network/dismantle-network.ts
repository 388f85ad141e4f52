import { throwIfProblems, type Problems } from '../shared/validation.js';
import type { DismantleNetwork } from './criminal-network.commands.js';
import { networkAlreadyDismantled } from './criminal-network.errors.js';
import type { NetworkDismantled } from './criminal-network.events.js';
import type { CriminalNetworkState } from './criminal-network.state.js';
import { checkNotBefore, networkDataOf, requireNetwork } from './criminal-network.validation.js';

const IDENTIFICATION = { es: 'la identificación de la red', en: "the network's identification" };

/** The same dismantling again (a retried request) changes nothing; a second one with another date is a 409. */
export function dismantleNetwork(command: DismantleNetwork, state: CriminalNetworkState): NetworkDismantled[] {
  const data = networkDataOf(command);
  const network = requireNetwork(state, data.networkId);

  const problems: Problems = [];
  const dismantledAt = checkNotBefore(
    problems,
    'dismantledAt',
    data.dismantledAt,
    command.metadata.now,
    network.identifiedAt,
    IDENTIFICATION,
  );
  throwIfProblems(problems);

  if (network.status === 'dismantled') {
    if (network.dismantledAt === dismantledAt) return [];
    throw networkAlreadyDismantled();
  }
  return [{ type: 'NetworkDismantled', data: { networkId: network.networkId, dismantledAt: dismantledAt! } }];
}
