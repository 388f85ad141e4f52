/**
 * One example body per command (and per other operation with a body), by operation id: what "Try it out" in
 * /docs starts from. A test validates each against the operation's request schema, so they follow the DTOs.
 * Every name and number here is made up.
 */
export const REQUEST_EXAMPLES: Readonly<Record<string, unknown>> = {
  signIn: { code: 'el código del enlace de acceso / the sign-in link code' },
  recordHotlineCall: {
    receivedAt: '2026-03-14T09:30:00-05:00',
    channel: 'phone',
    language: 'es',
    callerUbigeo: '150101',
    anonymous: true,
    topic: 'trafficking',
    summary: 'Relato de la llamada (dato personal, se guarda cifrado)',
  },
  classifyHotlineCall: { topic: 'labour_complaint', reason: 'Se trata de una queja laboral' },
  correctHotlineCall: { channel: 'whatsapp', reason: 'Canal mal registrado' },
  closeHotlineCall: { closedAt: '2026-03-14T10:00:00-05:00', outcome: 'referred' },
  referCall: { to: 'PNP', referredAt: '2026-03-14T09:45:00-05:00', ubigeo: '150101', unitName: 'DIRCTPTIM Lima' },
  registerCase: {
    registeredAt: '2026-03-15T09:00:00-05:00',
    occurredAt: '2026-03-10T22:00:00-05:00',
    policeUnit: 'DIRCTPTIM Lima',
    ubigeo: '150101',
    source: 'hotline_referral',
    purposes: ['labour_exploitation'],
    victims: [{ sex: 'female', age: 17, nationality: 'PE', fullName: 'Persona Ficticia', documentType: 'DNI', documentNumber: '00000000' }],
    suspects: [{ sex: 'male', nationality: 'PE', role: 'captador' }],
  },
  searchCases: { documentType: 'DNI', documentNumber: '00000000', purpose: 'Verificar antecedentes de la víctima' },
  closeCase: { closedAt: '2026-06-01T09:00:00-05:00', reason: 'Derivado y concluido' },
  recordOperation: { conductedAt: '2026-03-16T05:00:00-05:00', rescued: 3, detained: 1 },
  referToProsecutor: { office: 'Fiscalía Especializada en Trata de Personas de Lima', referredAt: '2026-03-17T09:00:00-05:00' },
  referCase: { to: 'MIMP', referredAt: '2026-03-15T11:00:00-05:00', ubigeo: '150101' },
  addSuspects: { suspects: [{ sex: 'female', nationality: 'VE', role: 'explotadora' }] },
  addVictims: { victims: [{ sex: 'male', age: 15, nationality: 'PE' }] },
  acceptReferral: { acceptedAt: '2026-03-14T12:00:00-05:00' },
  completeReferral: { completedAt: '2026-03-20T12:00:00-05:00', successful: true, reason: 'victim_assisted' },
  rejectReferral: { rejectedAt: '2026-03-14T12:00:00-05:00', reason: 'Fuera de nuestra competencia' },
  revokeReferral: { revokedAt: '2026-03-14T12:00:00-05:00', reason: 'Enviada por error' },
  recordProsecutionStage: { occurredAt: '2026-05-02T10:00:00-05:00' },
  openTrial: {
    prosecutionId: '3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c',
    court: 'Juzgado Penal Colegiado de Tambopata',
    openedAt: '2026-07-01T10:00:00-05:00',
  },
  recordRuling: {
    ruledAt: '2026-09-01T10:00:00-05:00',
    verdict: 'conviction',
    sentenceYears: 15,
    defendants: ['6a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d'],
  },
  recordAppeal: { appealedAt: '2026-09-05T10:00:00-05:00', appellant: 'Defensa' },
  declareFinality: { finalAt: '2026-12-01T10:00:00-05:00' },
  publishStatistics: { kind: 'monthly', period: '2026-03' },
  requestErasure: { reason: 'Solicitud de la persona (Ley 29733)' },
};
