import type { Dictionary } from '../../../i18n/i18n.js';

interface SearchTexts {
  title: string;
  intro: string;
  filters: string;
  policeUnit: string;
  department: string;
  district: string;
  from: string;
  to: string;
  status: string;
  purpose: string;
  any: string;
  searchShortcut: string;
  results: string;
  resultsCount: (n: number, more: boolean) => string;
  loadMore: string;
  noCases: string;
  registeredAt: string;
  registryNumber: string;
  sameFactsRow: string;
  q: string;
  qHint: string;
  place: string;
  source: string;
  purposes: string;
  people: string;
  peopleCount: (victims: number, suspects: number) => string;
  open: string;
  openHint: string;
  pick: string;
  documentTitle: string;
  documentIntro: string;
  documentType: string;
  documentNumber: string;
  statedPurpose: string;
  statedPurposeHint: string;
  documentSearch: string;
  documentAudit: string;
  documentNone: string;
  documentFound: (n: number) => string;
  newCase: string;
  newCaseShortcut: string;
  registered: string;
  openCase: string;
  registryNumberIs: string;
  close: string;
  typePlace: string;
}

export const searchTexts: Dictionary<SearchTexts> = {
  es: {
    title: 'Casos',
    intro: 'Denuncias registradas en sus departamentos. La lista no muestra datos personales.',
    filters: 'Filtros de búsqueda',
    policeUnit: 'Unidad policial',
    department: 'Departamento',
    district: 'Lugar de los hechos',
    from: 'Registrados desde',
    to: 'Registrados hasta',
    status: 'Estado',
    purpose: 'Finalidad',
    any: 'Cualquiera',
    searchShortcut: 'para buscar',
    results: 'Resultados',
    resultsCount: (n, more) => `${n} caso${n === 1 ? '' : 's'}${more ? ' (hay más)' : ''}`,
    loadMore: 'Cargar más',
    noCases: 'Ningún caso coincide con la búsqueda.',
    registeredAt: 'Registro',
    registryNumber: 'N.º de registro',
    sameFactsRow: 'mismos hechos que otro caso',
    q: 'N.º de registro o referencia',
    qHint: 'p. ej. 08-2025-000123, o el n.º de denuncia, carpeta fiscal o expediente',
    place: 'Lugar',
    source: 'Origen',
    purposes: 'Finalidades',
    people: 'Personas',
    peopleCount: (v, s) => `${v} víct. · ${s} resp.`,
    open: 'Abrir',
    openHint: 'Flechas ↑ ↓ para recorrer los casos, Enter para abrir.',
    pick: 'Vincular',
    documentTitle: 'Buscar por documento de la víctima',
    documentIntro: 'Encuentra los casos en que figura una persona, sin mostrar sus datos en la lista.',
    documentType: 'Tipo de documento',
    documentNumber: 'Número de documento',
    statedPurpose: 'Motivo de la consulta',
    statedPurposeHint: 'Obligatorio, p. ej. “verificar denuncia previa de la víctima”',
    documentSearch: 'Buscar por documento',
    documentAudit: 'Esta búsqueda queda registrada en el registro de auditoría, con su usuario, la hora y el motivo declarado.',
    documentNone: 'Ningún caso con ese documento en sus departamentos.',
    documentFound: (n) => `${n} caso${n === 1 ? '' : 's'} con ese documento`,
    newCase: 'Registrar denuncia',
    newCaseShortcut: 'nueva denuncia',
    registered: 'Denuncia registrada.',
    openCase: 'Abrir el caso',
    registryNumberIs: 'Número de registro:',
    close: 'Cerrar',
    typePlace: 'Escriba un lugar',
  },
  en: {
    title: 'Cases',
    intro: 'Denunciations registered in your departments. The list shows no personal data.',
    filters: 'Search filters',
    policeUnit: 'Police unit',
    department: 'Department',
    district: 'Place of the facts',
    from: 'Registered from',
    to: 'Registered until',
    status: 'Status',
    purpose: 'Purpose',
    any: 'Any',
    searchShortcut: 'to search',
    results: 'Results',
    resultsCount: (n, more) => `${n} case${n === 1 ? '' : 's'}${more ? ' (more available)' : ''}`,
    loadMore: 'Load more',
    noCases: 'No case matches the search.',
    registeredAt: 'Registered',
    registryNumber: 'Registry no.',
    sameFactsRow: 'same facts as another case',
    q: 'Registry number or reference',
    qHint: 'e.g. 08-2025-000123, or the police report, prosecutor or court file number',
    place: 'Place',
    source: 'Source',
    purposes: 'Purposes',
    people: 'People',
    peopleCount: (v, s) => `${v} vict. · ${s} susp.`,
    open: 'Open',
    openHint: 'Arrow keys ↑ ↓ move through the cases, Enter opens one.',
    pick: 'Link',
    documentTitle: 'Search by a victim’s document',
    documentIntro: 'Finds the cases a person appears in, without showing their data in the list.',
    documentType: 'Document type',
    documentNumber: 'Document number',
    statedPurpose: 'Purpose of the search',
    statedPurposeHint: 'Required, e.g. “check the victim’s earlier denunciation”',
    documentSearch: 'Search by document',
    documentAudit: 'This search is recorded in the audit log, with your user, the time and the stated purpose.',
    documentNone: 'No case with that document in your departments.',
    documentFound: (n) => `${n} case${n === 1 ? '' : 's'} with that document`,
    newCase: 'Register a denunciation',
    newCaseShortcut: 'new denunciation',
    registered: 'Denunciation registered.',
    openCase: 'Open the case',
    registryNumberIs: 'Registry number:',
    close: 'Close',
    typePlace: 'Type a place',
  },
};
