import type { Dictionary } from '../../i18n/i18n.js';

interface ReconciliationTexts {
  title: string;
  explanation: string;
  sumNote: string;
}

export const reconciliationTexts: Dictionary<ReconciliationTexts> = {
  es: {
    title: 'Conciliación entre Policía, Fiscalía y Poder Judicial',
    explanation:
      'Explica las diferencias entre las cifras de cada institución: de las denuncias, investigaciones, juicios y sentencias del periodo, cuántas están vinculadas a los registros de las otras instituciones y cuántas están solas (solo policial, solo fiscal sin denuncia hallada, juicio sin investigación ni denuncia).',
    sumNote: 'Suma de los reportes mensuales del periodo: cada acto cuenta en su propio mes.',
  },
  en: {
    title: 'Reconciliation of police, prosecutors and courts',
    explanation:
      "Explains the gaps between the institutions' figures: of the period's denunciations, prosecutions, trials and rulings, how many are linked to the other institutions' records and how many stand alone (police-only, prosecution-only with no denunciation found, a trial with neither).",
    sumNote: "Sum of the period's monthly reports: each act counts in its own month.",
  },
};
