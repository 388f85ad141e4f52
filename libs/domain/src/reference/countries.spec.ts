import { describe, expect, it } from '@jest/globals';
import { CountryCatalog } from './countries.js';

const catalog = new CountryCatalog([
  { alpha2: 'PE', alpha3: 'PER', numeric: '604', name_es: 'Perú', name_en: 'Peru' },
  { alpha2: 'VE', alpha3: 'VEN', numeric: '862', name_es: 'Venezuela', name_en: 'Venezuela' },
  { alpha2: 'AE', alpha3: 'ARE', numeric: '784', name_es: 'Emiratos Árabes Unidos', name_en: 'United Arab Emirates' },
]);

describe('CountryCatalog', () => {
  it('knows countries by upper-case alpha-2', () => {
    expect(catalog.isKnown('PE')).toBe(true);
    expect(catalog.isKnown('VE')).toBe(true);
    expect(catalog.size).toBe(3);
  });

  it.each(['pe', 'PER', '604', 'XX', 'unknown', ''])('does not know %p', (code) => {
    expect(catalog.isKnown(code)).toBe(false);
  });

  it('names countries in Spanish and English', () => {
    expect(catalog.nameEs('AE')).toBe('Emiratos Árabes Unidos');
    expect(catalog.nameEn('AE')).toBe('United Arab Emirates');
    expect(catalog.nameEs('PE')).toBe('Perú');
    expect(catalog.nameEn('XX')).toBeUndefined();
  });

  it('refuses a row without a valid alpha-2 code', () => {
    expect(() => new CountryCatalog([{ alpha2: 'PER', alpha3: 'PER', numeric: '604', name_es: 'Perú', name_en: 'Peru' }])).toThrow(
      RangeError,
    );
  });
});
