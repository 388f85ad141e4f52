import type { Dictionary } from '../../i18n/i18n.js';

interface PublicationsTexts {
  title: string;
  intro: string;
  publishTitle: string;
  kind: string;
  monthly: string;
  annual: string;
  period: string;
  periodHint: string;
  department: string;
  allPeru: string;
  publish: string;
  publishHint: string;
  published: (period: string) => string;
  replayed: string;
  listTitle: string;
  publishedAt: string;
  position: string;
  k: string;
  sha: string;
  actions: string;
  revisions: string;
  download: string;
  revisionsTitle: (period: string) => string;
  revisionsIntro: (published: string, current: string) => string;
  noChanges: string;
  table: string;
  row: string;
  column: string;
  publishedValue: string;
  currentValue: string;
  absent: string;
  close: string;
  empty: string;
}

export const texts: Dictionary<PublicationsTexts> = {
  es: {
    title: 'Publicaciones',
    intro:
      'Una publicación congela un reporte en el último corte publicado del registro (cierre de mes o cierre declarado): los mismos bytes y su SHA-256 para siempre. Las revisiones muestran, celda por celda, qué dice el mismo reporte en el último corte.',
    publishTitle: 'Publicar un reporte',
    kind: 'Tipo de reporte',
    monthly: 'Reporte mensual (Meta 14)',
    annual: 'Cuadros anuales INEI',
    period: 'Periodo',
    periodHint: 'AAAA-MM para el mensual, AAAA para los cuadros INEI',
    department: 'Departamento (solo mensual)',
    allPeru: 'Todo el Perú',
    publish: 'Publicar',
    publishHint: 'publica',
    published: (period) => `Publicado: ${period}`,
    replayed: 'Ya estaba publicado con este identificador: se muestra el original.',
    listTitle: 'Publicaciones emitidas',
    publishedAt: 'Publicado',
    position: 'Posición del registro',
    k: 'k',
    sha: 'SHA-256',
    actions: 'Acciones',
    revisions: 'Revisiones',
    download: 'Descargar',
    revisionsTitle: (period) => `Revisiones de ${period}`,
    revisionsIntro: (published, current) =>
      `Publicado en la posición ${published}; comparado con el último corte publicado, posición ${current}.`,
    noChanges: 'Sin cambios: en el último corte el reporte dice lo mismo que cuando se publicó.',
    table: 'Cuadro',
    row: 'Fila',
    column: 'Columna',
    publishedValue: 'Publicado',
    currentValue: 'Actual',
    absent: 'no existía',
    close: 'Cerrar',
    empty: 'Aún no hay publicaciones.',
  },
  en: {
    title: 'Publications',
    intro:
      'A publication freezes a report at the latest release point (a month close or a declared close): the same bytes and their SHA-256, for ever. Revisions show, cell by cell, what the same report says at the latest release point.',
    publishTitle: 'Publish a report',
    kind: 'Report',
    monthly: 'Monthly report (Meta 14)',
    annual: 'INEI annual tables',
    period: 'Period',
    periodHint: 'YYYY-MM for the monthly report, YYYY for the INEI tables',
    department: 'Department (monthly only)',
    allPeru: 'All of Peru',
    publish: 'Publish',
    publishHint: 'publishes',
    published: (period) => `Published: ${period}`,
    replayed: 'Already published with this id: the original is shown.',
    listTitle: 'Publications issued',
    publishedAt: 'Published',
    position: 'Log position',
    k: 'k',
    sha: 'SHA-256',
    actions: 'Actions',
    revisions: 'Revisions',
    download: 'Download',
    revisionsTitle: (period) => `Revisions of ${period}`,
    revisionsIntro: (published, current) =>
      `Published at position ${published}; compared with the latest release point, position ${current}.`,
    noChanges: 'No changes: the report says at the latest release point what it said when published.',
    table: 'Table',
    row: 'Row',
    column: 'Column',
    publishedValue: 'Published',
    currentValue: 'Current',
    absent: 'absent',
    close: 'Close',
    empty: 'No publications yet.',
  },
};
