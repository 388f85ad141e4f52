import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralFacts1764201600300 implements MigrationInterface {
  name = 'ReferralFacts1764201600300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_facts (
        referral_id     uuid PRIMARY KEY,
        source_kind     text        NOT NULL,
        source_id       uuid        NOT NULL,
        destination     text        NOT NULL,
        department      text        NOT NULL,
        referred_at     timestamptz NOT NULL,
        referred_month  char(7)     NOT NULL,
        status          text        NOT NULL,
        accepted_at     timestamptz,
        hours_to_accept double precision,
        closed_at       timestamptz,
        successful      boolean,
        linked_case_id  uuid
      );
      CREATE INDEX referral_facts_queue_idx ON referral_facts (status, referred_at);
      CREATE INDEX referral_facts_month_idx ON referral_facts (referred_month);
      CREATE INDEX referral_facts_case_idx ON referral_facts (linked_case_id) WHERE linked_case_id IS NOT NULL;
      CREATE INDEX referral_facts_source_idx ON referral_facts (source_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE referral_facts');
  }
}
