/**
 * SQL that makes tables append-only: UPDATE, DELETE and TRUNCATE are refused, even to the application's role. The
 * log, the integrity anchors, the audit log and the publications all use it; one function names the table refused.
 */
export function appendOnlySql(...tables: string[]): string {
  const triggers = tables
    .map(
      (table) => `
CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();`,
    )
    .join('');
  return `
CREATE OR REPLACE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;${triggers}
`;
}
