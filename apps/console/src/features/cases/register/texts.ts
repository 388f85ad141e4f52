import type { Dictionary } from '../../../i18n/i18n.js';

interface RegisterTexts {
  title: string;
  fromReferral: string;
  facts: string;
  registeredAt: string;
  occurredAt: string;
  occurredAtHint: string;
  policeUnit: string;
  policeUnitHint: string;
  place: string;
  placeHint: string;
  source: string;
  purposes: string;
  purposesHint: string;
  victims: string;
  victim: (n: number) => string;
  addVictim: string;
  removeVictim: (n: number) => string;
  suspects: string;
  suspect: (n: number) => string;
  addSuspect: string;
  removeSuspect: (n: number) => string;
  noVictims: string;
  noSuspects: string;
  sex: string;
  age: string;
  ageHint: string;
  nationality: string;
  searchCountry: string;
  personal: string;
  personalHint: string;
  fullName: string;
  documentType: string;
  documentNumber: string;
  phone: string;
  address: string;
  suspectRole: string;
  suspectRoleHint: string;
  register: string;
  registering: string;
  saveShortcut: string;
  draftKept: string;
  discard: string;
  failed: string;
}

export const registerTexts: Dictionary<RegisterTexts> = {
  es: {
    title: 'Registrar denuncia',
    fromReferral: 'Los datos de la derivación ya están cargados; complete lo que sepa.',
    facts: 'Hechos',
    registeredAt: 'Fecha y hora de registro (Lima)',
    occurredAt: 'Fecha de los hechos (Lima)',
    occurredAtHint: 'Opcional, si se conoce',
    policeUnit: 'Unidad policial',
    policeUnitHint: 'Comisaría o unidad especializada, p. ej. DIRCTPTIM Lima',
    place: 'Lugar de los hechos',
    placeHint: 'En el Perú; si los hechos ocurrieron en el extranjero, donde se denunciaron',
    source: 'Origen de la denuncia',
    purposes: 'Finalidades de explotación',
    purposesHint: 'Puede marcar varias (Código Penal, art. 129-A)',
    victims: 'Víctimas',
    victim: (n) => `Víctima ${n}`,
    addVictim: 'Añadir víctima',
    removeVictim: (n) => `Quitar víctima ${n}`,
    suspects: 'Presuntos responsables',
    suspect: (n) => `Presunto responsable ${n}`,
    addSuspect: 'Añadir presunto responsable',
    removeSuspect: (n) => `Quitar presunto responsable ${n}`,
    noVictims: 'Sin víctimas identificadas todavía; puede añadirlas después.',
    noSuspects: 'Sin presuntos responsables identificados todavía.',
    sex: 'Sexo',
    age: 'Edad a la fecha de los hechos',
    ageHint: 'Vacío si no se conoce',
    nationality: 'Nacionalidad',
    searchCountry: 'Escriba un país',
    personal: 'Datos personales',
    personalHint: 'Opcionales. Se guardan cifrados y solo se muestran a quien declare un motivo, que queda auditado.',
    fullName: 'Nombres y apellidos',
    documentType: 'Tipo de documento',
    documentNumber: 'Número de documento',
    phone: 'Teléfono',
    address: 'Dirección',
    suspectRole: 'Rol en los hechos',
    suspectRoleHint: 'p. ej. captador, transportista',
    register: 'Registrar denuncia',
    registering: 'Registrando…',
    saveShortcut: 'para registrar',
    draftKept: 'El borrador se conserva en esta pestaña hasta que se registre o se descarte.',
    discard: 'Descartar borrador',
    failed: 'No se registró la denuncia',
  },
  en: {
    title: 'Register a denunciation',
    fromReferral: 'The referral’s details are already filled in; complete what you know.',
    facts: 'Facts',
    registeredAt: 'Registration date and time (Lima)',
    occurredAt: 'Date of the facts (Lima)',
    occurredAtHint: 'Optional, if known',
    policeUnit: 'Police unit',
    policeUnitHint: 'Station or specialised unit, e.g. DIRCTPTIM Lima',
    place: 'Place of the facts',
    placeHint: 'In Peru; for facts abroad, where they were reported',
    source: 'Source of the denunciation',
    purposes: 'Exploitation purposes',
    purposesHint: 'Tick all that apply (Criminal Code, art. 129-A)',
    victims: 'Victims',
    victim: (n) => `Victim ${n}`,
    addVictim: 'Add a victim',
    removeVictim: (n) => `Remove victim ${n}`,
    suspects: 'Suspects',
    suspect: (n) => `Suspect ${n}`,
    addSuspect: 'Add a suspect',
    removeSuspect: (n) => `Remove suspect ${n}`,
    noVictims: 'No victims identified yet; you can add them later.',
    noSuspects: 'No suspects identified yet.',
    sex: 'Sex',
    age: 'Age at the facts',
    ageHint: 'Empty if not known',
    nationality: 'Nationality',
    searchCountry: 'Type a country',
    personal: 'Personal data',
    personalHint: 'Optional. Stored encrypted and shown only to whoever states a purpose, which is audited.',
    fullName: 'Full name',
    documentType: 'Document type',
    documentNumber: 'Document number',
    phone: 'Phone',
    address: 'Address',
    suspectRole: 'Role in the facts',
    suspectRoleHint: 'e.g. recruiter, transporter',
    register: 'Register denunciation',
    registering: 'Registering…',
    saveShortcut: 'to register',
    draftKept: 'The draft is kept in this tab until it is registered or discarded.',
    discard: 'Discard draft',
    failed: 'The denunciation was not registered',
  },
};
