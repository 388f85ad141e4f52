import type { Dictionary } from '../../i18n/i18n.js';

interface ReferralTexts {
  title: string;
  intro: string;
  filters: string;
  destination: string;
  department: string;
  age: string;
  anyAge: string;
  over24: string;
  over72: string;
  all: string;
  refreshed: (time: string, position: number) => string;
  refreshing: string;
  count: (n: number) => string;
  empty: string;
  waiting: string;
  hours: (h: number) => string;
  onTime: string;
  sentAt: string;
  from: string;
  place: string;
  attend: string;
  keysHint: string;
  drawerTitle: string;
  details: string;
  unit: string;
  none: string;
  tabRegister: string;
  tabLink: string;
  tabAccept: string;
  tabReject: string;
  linkIntro: string;
  chosen: string;
  linkConfirm: string;
  acceptIntro: string;
  accept: string;
  rejectIntro: string;
  reason: string;
  reasonHint: string;
  reject: string;
  notPending: string;
  doneRegistered: string;
  doneLinked: string;
  doneAccepted: string;
  doneRejected: string;
  openCase: string;
  pick: string;
  close: string;
  failed: string;
  deadline: string;
  overdue: string;
  queueKind: string;
  tabPending: string;
  tabAccepted: string;
  acceptedTitle: string;
  acceptedIntro: string;
  acceptedAt: string;
  answer: string;
  answeredLate: string;
  answeredOnTime: string;
  acceptedCount: (n: number) => string;
  acceptedEmpty: string;
  alertNew: string;
  alertOverdue: string;
  alertBody: (destination: string, department: string, deadline: string) => string;
  openInQueue: string;
  overdueWord: (n: number) => string;
}

export const referralTexts: Dictionary<ReferralTexts> = {
  es: {
    title: 'Derivaciones pendientes',
    intro: 'Derivaciones a su institución en sus departamentos que nadie ha atendido todavía, las vencidas primero y luego por plazo.',
    filters: 'Filtros de la cola',
    destination: 'Destino',
    department: 'Departamento',
    age: 'Tiempo de espera',
    anyAge: 'Cualquiera',
    over24: 'Más de 24 horas',
    over72: 'Más de 72 horas',
    all: 'Todos',
    refreshed: (time, position) => `Actualizado ${time} · posición del registro ${position} · se actualiza cada 15 s`,
    refreshing: 'Actualizando…',
    count: (n) => (n === 1 ? '1 derivación pendiente' : `${n} derivaciones pendientes`),
    empty: 'No hay derivaciones pendientes. La cola se actualiza sola.',
    waiting: 'Espera',
    hours: (h) => `${h} h`,
    onTime: 'En plazo',
    sentAt: 'Enviada',
    from: 'Origen',
    place: 'Lugar',
    attend: 'Atender',
    keysHint: 'Flechas ↑ ↓ para recorrer la cola, Enter para atender la derivación.',
    drawerTitle: 'Atender derivación',
    details: 'Derivación',
    unit: 'Unidad indicada',
    none: 'No indicada',
    tabRegister: 'Registrar caso',
    tabLink: 'Vincular a un caso existente',
    tabAccept: 'Aceptar',
    tabReject: 'Rechazar',
    linkIntro: 'Busque el caso ya registrado al que corresponde esta derivación y vincúlelo; la derivación quedará aceptada.',
    chosen: 'Caso elegido',
    linkConfirm: 'Aceptar y vincular a este caso',
    acceptIntro: 'Acepte la derivación para atenderla en su institución.',
    accept: 'Aceptar derivación',
    rejectIntro: 'Indique por qué su institución no atiende esta derivación; la línea 0800 lo verá y podrá derivarla a otra.',
    reason: 'Motivo del rechazo',
    reasonHint: 'Obligatorio, hasta 500 caracteres',
    reject: 'Rechazar derivación',
    notPending: 'Esta derivación ya fue atendida por otra persona.',
    doneRegistered: 'Derivación aceptada: se registró la denuncia.',
    doneLinked: 'Derivación aceptada y vinculada al caso.',
    doneAccepted: 'Derivación aceptada.',
    doneRejected: 'Derivación rechazada con su motivo.',
    openCase: 'Abrir el caso',
    pick: 'Elegir',
    close: 'Cerrar',
    failed: 'No se completó la acción',
    deadline: 'Plazo',
    overdue: 'Vencida',
    queueKind: 'Cola',
    tabPending: 'Pendientes',
    tabAccepted: 'Aceptadas sin concluir',
    acceptedTitle: 'Derivaciones aceptadas sin concluir',
    acceptedIntro: 'Aceptadas por su institución y aún no concluidas, la aceptación más antigua primero.',
    acceptedAt: 'Aceptada',
    answer: 'Respuesta',
    answeredLate: 'Fuera de plazo',
    answeredOnTime: 'A tiempo',
    acceptedCount: (n) => (n === 1 ? '1 derivación aceptada sin concluir' : `${n} derivaciones aceptadas sin concluir`),
    acceptedEmpty: 'No hay derivaciones aceptadas sin concluir.',
    alertNew: 'Nueva derivación recibida',
    alertOverdue: 'Derivación vencida sin respuesta',
    alertBody: (destination, department, deadline) => `${destination} · ${department} · plazo ${deadline}`,
    openInQueue: 'Abrir en la cola',
    overdueWord: (n) => (n === 1 ? 'vencida' : 'vencidas'),
  },
  en: {
    title: 'Pending referrals',
    intro: 'Referrals to your institution in your departments that nobody has acted on yet, overdue first, then by deadline.',
    filters: 'Queue filters',
    destination: 'Destination',
    department: 'Department',
    age: 'Waiting time',
    anyAge: 'Any',
    over24: 'More than 24 hours',
    over72: 'More than 72 hours',
    all: 'All',
    refreshed: (time, position) => `Updated ${time} · log position ${position} · refreshes every 15 s`,
    refreshing: 'Refreshing…',
    count: (n) => `${n} pending referral${n === 1 ? '' : 's'}`,
    empty: 'No pending referrals. The queue refreshes by itself.',
    waiting: 'Waiting',
    hours: (h) => `${h} h`,
    onTime: 'On time',
    sentAt: 'Sent',
    from: 'Source',
    place: 'Place',
    attend: 'Attend',
    keysHint: 'Arrow keys ↑ ↓ move through the queue, Enter attends the referral.',
    drawerTitle: 'Attend the referral',
    details: 'Referral',
    unit: 'Unit named',
    none: 'Not given',
    tabRegister: 'Register a case',
    tabLink: 'Link to an existing case',
    tabAccept: 'Accept',
    tabReject: 'Reject',
    linkIntro: 'Find the case already registered for this referral and link it; the referral is then accepted.',
    chosen: 'Chosen case',
    linkConfirm: 'Accept and link to this case',
    acceptIntro: 'Accept the referral to attend it in your institution.',
    accept: 'Accept referral',
    rejectIntro: 'Say why your institution does not take this referral; the hotline will see it and may refer it elsewhere.',
    reason: 'Reason for rejecting',
    reasonHint: 'Required, up to 500 characters',
    reject: 'Reject referral',
    notPending: 'Someone else has already acted on this referral.',
    doneRegistered: 'Referral accepted: the denunciation was registered.',
    doneLinked: 'Referral accepted and linked to the case.',
    doneAccepted: 'Referral accepted.',
    doneRejected: 'Referral rejected with your reason.',
    openCase: 'Open the case',
    pick: 'Choose',
    close: 'Close',
    failed: 'The action was not completed',
    deadline: 'Deadline',
    overdue: 'Overdue',
    queueKind: 'Queue',
    tabPending: 'Pending',
    tabAccepted: 'Accepted, not completed',
    acceptedTitle: 'Referrals accepted and not completed',
    acceptedIntro: 'Accepted by your institution and not completed yet, oldest acceptance first.',
    acceptedAt: 'Accepted',
    answer: 'Answer',
    answeredLate: 'Late',
    answeredOnTime: 'On time',
    acceptedCount: (n) => `${n} referral${n === 1 ? '' : 's'} accepted, not completed`,
    acceptedEmpty: 'No referrals accepted and not completed.',
    alertNew: 'New referral received',
    alertOverdue: 'Referral overdue, unanswered',
    alertBody: (destination, department, deadline) => `${destination} · ${department} · deadline ${deadline}`,
    openInQueue: 'Open in the queue',
    overdueWord: () => 'overdue',
  },
};
