import type { DataSource } from 'typeorm';

/** Trials judging any of these prosecutions (a prosecution's own stream does not know them). */
export async function queryTrialsOfProsecutions(dataSource: DataSource, prosecutionIds: readonly string[]): Promise<string[]> {
  if (prosecutionIds.length === 0) return [];
  const rows: Array<{ trial_id: string }> = await dataSource.query(
    'SELECT trial_id FROM trial_links WHERE prosecution_id = ANY($1::uuid[]) ORDER BY trial_id',
    [prosecutionIds],
  );
  return rows.map((r) => r.trial_id);
}
