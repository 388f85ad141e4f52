import type { Dictionary } from '../../i18n/i18n.js';

interface AuditTexts {
  title: string;
  intro: string;
  from: string;
  to: string;
  actor: string;
  recordId: string;
  subjectId: string;
  subjectIdHint: string;
  subjects: string;
  moreSubjects: (n: number) => string;
  action: string;
  anyAction: string;
  apply: string;
  applyHint: string;
  clear: string;
  at: string;
  role: string;
  record: string;
  purpose: string;
  requestId: string;
  loadMore: string;
  empty: string;
  shown: (n: number) => string;
  integrity: string;
  integrityIntro: string;
  checking: string;
  ok: string;
  broken: string;
  chains: (streams: string, events: string) => string;
  brokenLink: string;
  anchorMismatch: string;
  auditChain: (entries: string) => string;
  auditBroken: string;
  exported: (anchors: string) => string;
  exportMismatch: string;
  lastAnchor: string;
  noAnchor: string;
  anchorAt: (id: number, when: string, position: string) => string;
  hash: string;
  takeAnchor: string;
  anchored: (id: number) => string;
  recheck: string;
  failed: string;
  checkedAt: (when: string) => string;
}

export const texts: Dictionary<AuditTexts> = {
  es: {
    title: 'Auditoría',
    intro:
      'Quién leyó, buscó o borró datos personales, o consultó un registro que señala a una persona, con el propósito declarado; y si el registro de eventos sigue íntegro.',
    from: 'Desde (fecha)',
    to: 'Hasta (fecha, incluida)',
    actor: 'Actor (sujeto)',
    recordId: 'Id del registro',
    action: 'Acción',
    subjectId: 'Persona (id de víctima o llamada)',
    subjectIdHint: '¿Quién vio algo de esta persona?',
    subjects: 'Personas',
    moreSubjects: (n) => `y ${n} más`,
    anyAction: 'Todas',
    apply: 'Filtrar',
    applyHint: 'filtra',
    clear: 'Limpiar filtros',
    at: 'Fecha y hora (Lima)',
    role: 'Rol',
    record: 'Registro',
    purpose: 'Propósito',
    requestId: 'Solicitud',
    loadMore: 'Cargar más',
    empty: 'No hay entradas con estos filtros.',
    shown: (n) => `${n} entradas, de la más reciente a la más antigua`,
    integrity: 'Integridad del registro',
    integrityIntro:
      'Recorre todas las cadenas de hash (registro y auditoría) y comprueba los anclajes, como una tarea en el servidor, también contra los firmados y exportados fuera de la base. Puede tardar unos segundos; la lista de auditoría sigue disponible.',
    checking: 'Verificando las cadenas de hash y los anclajes…',
    ok: 'Íntegro',
    broken: 'Alterado',
    chains: (streams, events) => `${streams} flujos y ${events} eventos verificados.`,
    brokenLink: 'Primer eslabón roto',
    anchorMismatch: 'Primer anclaje que no coincide',
    auditChain: (entries) => `Cadena de auditoría: ${entries} entradas verificadas.`,
    auditBroken: 'Primera entrada de auditoría alterada',
    exported: (anchors) => `Anclajes firmados y exportados fuera de la base: ${anchors}; la base coincide con ellos.`,
    exportMismatch: 'La base no coincide con los anclajes exportados',
    lastAnchor: 'Último anclaje',
    noAnchor: 'Aún no hay anclajes.',
    anchorAt: (id, when, position) => `N.º ${id}, ${when}, posición ${position}`,
    hash: 'Hash de las cabezas (SHA-256)',
    takeAnchor: 'Anclar ahora',
    anchored: (id) => `Anclaje n.º ${id} registrado`,
    recheck: 'Verificar de nuevo',
    failed: 'La última verificación no terminó; vuelva a verificar.',
    checkedAt: (when) => `Verificado el ${when}.`,
  },
  en: {
    title: 'Audit',
    intro:
      'Who read, searched or erased personal data, or read a record that points at a person, with the stated purpose; and whether the event log is still intact.',
    from: 'From (date)',
    to: 'To (date, included)',
    actor: 'Actor (subject)',
    recordId: 'Record id',
    action: 'Action',
    subjectId: 'Person (victim or call id)',
    subjectIdHint: 'Who saw anything about this person?',
    subjects: 'People',
    moreSubjects: (n) => `and ${n} more`,
    anyAction: 'All',
    apply: 'Filter',
    applyHint: 'filters',
    clear: 'Clear filters',
    at: 'Date and time (Lima)',
    role: 'Role',
    record: 'Record',
    purpose: 'Purpose',
    requestId: 'Request',
    loadMore: 'Load more',
    empty: 'No entries match these filters.',
    shown: (n) => `${n} entries, newest first`,
    integrity: 'Log integrity',
    integrityIntro:
      'Walks every hash chain (log and audit) and checks the anchors, as a job on the server, also against the signed ones exported outside the database. It can take a few seconds; the audit list stays available.',
    checking: 'Checking the hash chains and the anchors…',
    ok: 'Intact',
    broken: 'Tampered',
    chains: (streams, events) => `${streams} streams and ${events} events checked.`,
    brokenLink: 'First broken link',
    anchorMismatch: 'First anchor that no longer matches',
    auditChain: (entries) => `Audit chain: ${entries} entries checked.`,
    auditBroken: 'First altered audit entry',
    exported: (anchors) => `Signed anchors exported outside the database: ${anchors}; the database matches them.`,
    exportMismatch: 'The database does not match the exported anchors',
    lastAnchor: 'Last anchor',
    noAnchor: 'No anchors yet.',
    anchorAt: (id, when, position) => `No. ${id}, ${when}, position ${position}`,
    hash: 'Heads hash (SHA-256)',
    takeAnchor: 'Anchor now',
    anchored: (id) => `Anchor no. ${id} recorded`,
    recheck: 'Check again',
    failed: 'The last verification did not finish; check again.',
    checkedAt: (when) => `Checked on ${when}.`,
  },
};
