import type { UbigeoCatalog } from '../reference/ubigeo.js';
import { checkOptionalText, checkPastInstant, checkUuid, problem, throwIfProblems, type Problems } from '../shared/validation.js';
import { NETWORK_ALIAS_MAX_LENGTH, NETWORK_POLICE_UNIT_MAX_LENGTH } from './criminal-network.codes.js';
import type { IdentifyNetwork } from './criminal-network.commands.js';
import { networkAlreadyIdentified } from './criminal-network.errors.js';
import type { NetworkIdentified } from './criminal-network.events.js';
import type { CriminalNetworkState } from './criminal-network.state.js';
import { networkDataOf } from './criminal-network.validation.js';

const UBIGEO_FORMAT = /^(?:\d{2}|\d{4}|\d{6})$/;

export function identifyNetwork(
  command: IdentifyNetwork,
  state: CriminalNetworkState,
  ubigeoCatalog: Pick<UbigeoCatalog, 'isKnown'>,
): NetworkIdentified[] {
  if (state.status !== 'unidentified') throw networkAlreadyIdentified();

  const data = networkDataOf(command);
  const problems: Problems = [];
  const networkId = checkUuid(problems, 'networkId', data.networkId);
  const identifiedAt = checkPastInstant(problems, 'identifiedAt', data.identifiedAt, command.metadata.now);
  const ubigeo = data.ubigeo;
  if (typeof ubigeo !== 'string' || !UBIGEO_FORMAT.test(ubigeo)) {
    problems.push(problem('ubigeo', 'Es obligatorio: un código UBIGEO de 2, 4 o 6 dígitos', 'Required: a 2, 4 or 6-digit UBIGEO code'));
  } else if (!ubigeoCatalog.isKnown(ubigeo)) {
    problems.push(problem('ubigeo', 'El código UBIGEO no existe', 'Unknown UBIGEO code'));
  }
  const alias = checkOptionalText(problems, 'alias', data.alias, NETWORK_ALIAS_MAX_LENGTH);
  const policeUnit = checkOptionalText(problems, 'policeUnit', data.policeUnit, NETWORK_POLICE_UNIT_MAX_LENGTH);
  throwIfProblems(problems);

  return [
    {
      type: 'NetworkIdentified',
      data: {
        networkId: networkId!,
        identifiedAt: identifiedAt!,
        ubigeo: ubigeo as string,
        alias: alias ?? null,
        policeUnit: policeUnit ?? null,
      },
    },
  ];
}
