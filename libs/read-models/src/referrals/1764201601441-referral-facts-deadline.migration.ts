import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_REFERRAL_DEADLINE_MINUTES } from '#domain';

/**
 * Issue 14: a referral's deadline is the one recorded on its ReferralSent (deadlineMinutes), kept in
 * referral_facts.deadline_at for the queue and the notifications. Rows written before came from events without a
 * recorded deadline, which take their destination's documented default: filled here exactly as a rebuild would.
 */
export class ReferralFactsDeadline1764201601441 implements MigrationInterface {
  name = 'ReferralFactsDeadline1764201601441';

  async up(queryRunner: QueryRunner): Promise<void> {
    const defaults = Object.entries(DEFAULT_REFERRAL_DEADLINE_MINUTES);
    await queryRunner.query('ALTER TABLE referral_facts ADD COLUMN deadline_at timestamptz');
    await queryRunner.query(
      `UPDATE referral_facts f SET deadline_at = f.referred_at + make_interval(mins => COALESCE(d.minutes, $3::int))
         FROM referral_facts r LEFT JOIN unnest($1::text[], $2::int[]) AS d(destination, minutes) ON d.destination = r.destination
        WHERE r.referral_id = f.referral_id`,
      [defaults.map(([destination]) => destination), defaults.map(([, minutes]) => minutes), DEFAULT_REFERRAL_DEADLINE_MINUTES.OTHER],
    );
    await queryRunner.query('ALTER TABLE referral_facts ALTER COLUMN deadline_at SET NOT NULL');
    await queryRunner.query('CREATE INDEX referral_facts_deadline_idx ON referral_facts (status, deadline_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_facts_deadline_idx');
    await queryRunner.query('ALTER TABLE referral_facts DROP COLUMN deadline_at');
  }
}
