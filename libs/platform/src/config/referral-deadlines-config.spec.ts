import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

/** Referral deadlines per destination (README, "Configuration": REFERRAL_DEADLINES). */
describe('referral deadline configuration', () => {
  it('defaults to 24 h for the police and the prosecutor and 72 h for the others', () => {
    expect(loadConfig({}, []).referralDeadlineMinutes).toEqual({
      PNP: 1440,
      MINISTERIO_PUBLICO: 1440,
      MIMP: 4320,
      DEMUNA: 4320,
      SHELTER: 4320,
      OTHER: 4320,
    });
  });

  it('overrides the destinations named, in minutes, hours or days, and keeps the others', () => {
    expect(loadConfig({ REFERRAL_DEADLINES: 'PNP=12h, SHELTER=2d,OTHER=90m' }, []).referralDeadlineMinutes).toEqual({
      PNP: 720,
      MINISTERIO_PUBLICO: 1440,
      MIMP: 4320,
      DEMUNA: 4320,
      SHELTER: 2880,
      OTHER: 90,
    });
  });

  it.each([
    ['PNP=0h', /deadline of PNP must be a positive duration/],
    ['PNP=-5h', /REFERRAL_DEADLINES must be DESTINATION=DURATION/],
    ['PNP=24', /REFERRAL_DEADLINES must be DESTINATION=DURATION/],
    ['PNP=1.5h', /REFERRAL_DEADLINES must be DESTINATION=DURATION/],
    ['POLICE=24h', /REFERRAL_DEADLINES must be DESTINATION=DURATION.*got "POLICE=24h"/],
    ['PNP=24h,PNP=12h', /REFERRAL_DEADLINES names PNP twice/],
    ['SHELTER=366d', /deadline of SHELTER must be a positive duration of at most 365d/],
  ])('refuses %s at start-up, naming the setting', (value, message) => {
    expect(() => loadConfig({ REFERRAL_DEADLINES: value }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ REFERRAL_DEADLINES: value }, [])).toThrow(message);
  });
});

describe('referral webhook configuration', () => {
  const secret = 'Zq8vN3xLr2Tw7YpKc5Hs9MdBf4Gj6Ua1';
  it('has none by default and reads DESTINATION=URL|SECRET entries', () => {
    expect(loadConfig({}, [])).toMatchObject({ referralWebhooks: [], referralWebhookMaxAttempts: 8, referralWebhookRetryInitialMs: 1000 });
    expect(
      loadConfig({ REFERRAL_WEBHOOKS: `PNP=https://pnp.example.gob.pe/hook|${secret}, SHELTER=http://127.0.0.1:9999/x|${secret}` }, [])
        .referralWebhooks,
    ).toEqual([
      { destination: 'PNP', url: 'https://pnp.example.gob.pe/hook', secret },
      { destination: 'SHELTER', url: 'http://127.0.0.1:9999/x', secret },
    ]);
  });

  it.each([
    [`POLICE=https://x.example/h|${secret}`, /REFERRAL_WEBHOOKS must be DESTINATION=URL\|SECRET/],
    [`PNP=ftp://x.example/h|${secret}`, /REFERRAL_WEBHOOKS must be DESTINATION=URL\|SECRET/],
    [`PNP=http://x.example/h|${secret}`, /REFERRAL_WEBHOOKS: the URL of PNP must use https/],
    ['PNP=https://x.example/h|short', /REFERRAL_WEBHOOKS \(secret of PNP\) must be at least 32 bytes/],
  ])('refuses %s without echoing the secret', (value, message) => {
    expect(() => loadConfig({ REFERRAL_WEBHOOKS: value }, [])).toThrow(message);
    try {
      loadConfig({ REFERRAL_WEBHOOKS: value }, []);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
