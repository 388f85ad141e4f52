import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

/** EVENT_STORE and KURRENTDB_URL (README, "Event store"). */
describe('event store configuration', () => {
  it('defaults to PostgreSQL and accepts EVENT_STORE=postgres', () => {
    expect(loadConfig({}, []).eventStore).toBe('postgres');
    expect(loadConfig({ EVENT_STORE: 'postgres' }, []).eventStore).toBe('postgres');
  });

  it('refuses an unknown store', () => {
    expect(() => loadConfig({ EVENT_STORE: 'mongo' }, [])).toThrow(/EVENT_STORE must be one of postgres, kurrentdb/);
  });

  it('names KURRENTDB_URL when kurrentdb is chosen without it', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: ' ' }, [])).toThrow(/necesita KURRENTDB_URL.*needs KURRENTDB_URL/);
  });

  it('refuses a URL that is not a KurrentDB connection string, without echoing its credentials', () => {
    const attempt = () => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'https://admin:changeit@host:2113' }, []);
    expect(attempt).toThrow(/KURRENTDB_URL must be a kurrentdb:\/\/ \(or kdb:\/\/, esdb:\/\/\) connection string/);
    expect(attempt).not.toThrow(/changeit/);
  });

  it('selects KurrentDB with its URL, for every scheme the client accepts', () => {
    for (const KURRENTDB_URL of ['kurrentdb+discover://a:2113,b:2113', 'kdb://h:2113', 'esdb://h:2113?tls=false']) {
      expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL }, [])).toMatchObject({
        eventStore: 'kurrentdb',
        kurrentDbUrl: KURRENTDB_URL,
      });
    }
    expect(loadConfig({ KURRENTDB_URL: 'kdb://h:2113' }, [])).toMatchObject({ eventStore: 'postgres', kurrentDbUrl: null });
  });
});
