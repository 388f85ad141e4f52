import type { Dictionary } from '../../i18n/i18n.js';

interface TriangleTexts {
  title: string;
  explanation: string;
  from: string;
  to: string;
  department: string;
  show: string;
  figure: string;
  month: string;
  publication: (n: number) => string;
  caption: (figure: string) => string;
  when: (day: string, monthsAfter: number) => string;
  reserved: string;
  empty: string;
}

export const triangleTexts: Dictionary<TriangleTexts> = {
  es: {
    title: 'Cuánto se mueven los meses publicados (triángulo de revisiones)',
    explanation:
      'Para cada reporte mensual publicado, sus cifras principales en cada publicación posterior del mismo mes y el cambio desde la primera: un indicador de registro tardío. Se lee de los bytes publicados.',
    from: 'Desde (mes)',
    to: 'Hasta (mes)',
    department: 'Departamento',
    show: 'Mostrar',
    figure: 'Cifra',
    month: 'Mes del reporte',
    publication: (n) => `Publicación ${n}`,
    caption: (figure) => `${figure}: valor publicado (cambio desde la primera publicación)`,
    when: (day, months) => `${day} · ${months === 1 ? '1 mes después' : `${months} meses después`}`,
    reserved: 'reservado',
    empty: 'Ningún reporte mensual publicado en el periodo.',
  },
  en: {
    title: 'How much published months move (revision triangle)',
    explanation:
      'For each published monthly report, its headline figures at every later publication of the same month and the change since the first: an indicator of late registration. Read from the published bytes.',
    from: 'From (month)',
    to: 'To (month)',
    department: 'Department',
    show: 'Show',
    figure: 'Figure',
    month: 'Month reported',
    publication: (n) => `Publication ${n}`,
    caption: (figure) => `${figure}: published value (change since the first publication)`,
    when: (day, months) => `${day} · ${months === 1 ? '1 month after' : `${months} months after`}`,
    reserved: 'suppressed',
    empty: 'No monthly report published in the period.',
  },
};
