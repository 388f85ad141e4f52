import type { DataSource } from 'typeorm';

/** The networks a case is linked to, in the order they were linked (a case's own stream does not know them). */
export async function queryNetworksOfCase(dataSource: DataSource, caseId: string): Promise<string[]> {
  const rows: Array<{ network_id: string }> = await dataSource.query(
    'SELECT network_id FROM network_links WHERE case_id = $1::uuid ORDER BY linked_at, network_id',
    [caseId],
  );
  return rows.map((r) => r.network_id);
}
