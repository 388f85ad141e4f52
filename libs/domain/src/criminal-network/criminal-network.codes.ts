/**
 * A suspect's role in a criminal network, as codes (never free text, so roles can be counted and nobody is
 * described in words in the log). The typology follows the acts of the Protocol of Palermo (art. 3 a: recruitment,
 * transportation, transfer, harbouring or receipt, for the purpose of exploitation) and the roles UNODC names in
 * "Organized Crime Involvement in Trafficking in Persons and Smuggling of Migrants" (2010) and its Global Reports on
 * Trafficking in Persons (leaders, recruiters, transporters, document forgers, money launderers, corrupt officials,
 * lookouts, enforcers and facilitators).
 */
export const NETWORK_ROLES = [
  'leader',
  'recruiter',
  'transporter',
  'receiver_keeper',
  'exploiter',
  'document_forger',
  'financier',
  'lookout',
  'corrupt_official',
  'facilitator',
  'other',
] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export const NETWORK_ROLE_LABELS: Record<NetworkRole, { es: string; en: string }> = {
  leader: { es: 'Líder u organizador', en: 'Leader or organizer' },
  recruiter: { es: 'Captador', en: 'Recruiter' },
  transporter: { es: 'Transportista o trasladador', en: 'Transporter' },
  receiver_keeper: { es: 'Receptor o retenedor (acogida)', en: 'Receiver or keeper (harbouring)' },
  exploiter: { es: 'Explotador', en: 'Exploiter' },
  document_forger: { es: 'Falsificador de documentos', en: 'Document forger' },
  financier: { es: 'Financista o lavador de activos', en: 'Financier or money launderer' },
  lookout: { es: 'Vigilante o campana', en: 'Lookout' },
  corrupt_official: { es: 'Funcionario corrupto', en: 'Corrupt official' },
  facilitator: { es: 'Facilitador (alojamiento, anuncios, contactos)', en: 'Facilitator (lodging, ads, contacts)' },
  other: { es: 'Otro o desconocido', en: 'Other or unknown' },
};

/** An alias ("Los Injertos del Cono Norte") and a unit's name are short; the police file holds the rest. */
export const NETWORK_ALIAS_MAX_LENGTH = 200;
export const NETWORK_POLICE_UNIT_MAX_LENGTH = 200;

export const CRIMINAL_NETWORK_STREAM_PREFIX = 'criminal-network-';

/** Stream name of a network; ids are lower-cased as the decider stores them. */
export function criminalNetworkStreamName(networkId: string): string {
  return `${CRIMINAL_NETWORK_STREAM_PREFIX}${networkId.toLowerCase()}`;
}
