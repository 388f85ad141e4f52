import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per hotline call: the facts the hotline statistics count. Owned by HotlineStatisticsProjection. */
@Entity({ name: 'hotline_call_facts' })
export class HotlineCallFact {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** YYYY-MM of receivedAt in America/Lima. */
  @Column({ name: 'received_month', type: 'char', length: 7 })
  receivedMonth: string;

  /** First two UBIGEO digits of the caller's place, or 'unknown'. */
  @Column({ type: 'text' })
  department: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'trafficking_related', type: 'boolean' })
  traffickingRelated: boolean;

  @Column({ type: 'boolean' })
  closed: boolean;
}
