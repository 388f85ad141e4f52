import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Calls per month of receipt (America/Lima) and caller's department. Owned by HotlineStatisticsProjection. */
@Entity({ name: 'hotline_call_counts' })
export class HotlineCallCount {
  @PrimaryColumn({ name: 'received_month', type: 'char', length: 7 })
  receivedMonth: string;

  @PrimaryColumn({ type: 'text' })
  department: string;

  @Column({ type: 'integer' })
  received: number;

  @Column({ name: 'trafficking_related', type: 'integer' })
  traffickingRelated: number;

  @Column({ type: 'integer' })
  closed: number;
}
