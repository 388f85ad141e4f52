import type { components } from '../../../api/schema.js';
import type { Dictionary } from '../../../i18n/i18n.js';

export type NetworkRole = components['schemas']['LinkSuspectDto']['role'];

/** The roles in the order the form offers them (libs/domain/src/criminal-network/criminal-network.codes.ts). */
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
] as const satisfies readonly NetworkRole[];

const es = {
  title: 'Red criminal',
  none: 'El caso no está vinculado a ninguna red criminal.',
  identify: 'Identificar red',
  linkExisting: 'Vincular a red existente',
  linkSuspect: 'Vincular sospechoso',
  dismantle: 'Desarticular',
  networkId: 'Id de la red',
  identifiedAt: 'Identificada',
  dismantledAt: 'Desarticulada',
  linkedAt: 'Fecha y hora de la vinculación',
  ubigeo: 'UBIGEO de la red',
  alias: 'Alias de la red (opcional; se guarda cifrado)',
  policeUnit: 'Unidad que la identificó (opcional; se guarda cifrado)',
  status: 'Estado',
  statusIdentified: 'Activa',
  statusDismantled: 'Desarticulada',
  cases: 'Casos vinculados',
  suspect: 'Sospechoso',
  role: 'Rol en la red',
  suspects: 'Sospechosos vinculados',
  noSuspects: 'Sin sospechosos vinculados',
  suspectN: 'Sospechoso {n}',
  otherCase: 'De otro caso',
  loading: 'Cargando…',
  unavailable: 'Red fuera de sus departamentos o aún no disponible.',
};

const en: typeof es = {
  title: 'Criminal network',
  none: 'The case is not linked to any criminal network.',
  identify: 'Identify network',
  linkExisting: 'Link to an existing network',
  linkSuspect: 'Link suspect',
  dismantle: 'Dismantle',
  networkId: 'Network id',
  identifiedAt: 'Identified',
  dismantledAt: 'Dismantled',
  linkedAt: 'Date and time linked',
  ubigeo: "Network's UBIGEO",
  alias: "Network's alias (optional; stored encrypted)",
  policeUnit: 'Unit that identified it (optional; stored encrypted)',
  status: 'Status',
  statusIdentified: 'Active',
  statusDismantled: 'Dismantled',
  cases: 'Cases linked',
  suspect: 'Suspect',
  role: 'Role in the network',
  suspects: 'Suspects linked',
  noSuspects: 'No suspects linked',
  suspectN: 'Suspect {n}',
  otherCase: 'Of another case',
  loading: 'Loading…',
  unavailable: 'Network outside your departments or not available yet.',
};

export const texts: Dictionary<typeof es> = { es, en };

export const roleLabels: Dictionary<Record<NetworkRole, string>> = {
  es: {
    leader: 'Líder u organizador',
    recruiter: 'Captador',
    transporter: 'Transportista o trasladador',
    receiver_keeper: 'Receptor o retenedor (acogida)',
    exploiter: 'Explotador',
    document_forger: 'Falsificador de documentos',
    financier: 'Financista o lavador de activos',
    lookout: 'Vigilante o campana',
    corrupt_official: 'Funcionario corrupto',
    facilitator: 'Facilitador (alojamiento, anuncios, contactos)',
    other: 'Otro o desconocido',
  },
  en: {
    leader: 'Leader or organizer',
    recruiter: 'Recruiter',
    transporter: 'Transporter',
    receiver_keeper: 'Receiver or keeper (harbouring)',
    exploiter: 'Exploiter',
    document_forger: 'Document forger',
    financier: 'Financier or money launderer',
    lookout: 'Lookout',
    corrupt_official: 'Corrupt official',
    facilitator: 'Facilitator (lodging, ads, contacts)',
    other: 'Other or unknown',
  },
};
