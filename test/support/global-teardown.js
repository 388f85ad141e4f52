export default async function globalTeardown() {
  const pg = globalThis.__REGISTRO_TEST_PG__;
  if (pg) await pg.stop();
}
