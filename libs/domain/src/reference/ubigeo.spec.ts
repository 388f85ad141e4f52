import { describe, expect, it } from '@jest/globals';
import { UbigeoCatalog } from './ubigeo.js';

const catalog = new UbigeoCatalog([
  { ubigeo: '150101', departamento: 'Lima', provincia: 'Lima', distrito: 'Lima' },
  { ubigeo: '150102', departamento: 'Lima', provincia: 'Lima', distrito: 'Ancón' },
  { ubigeo: '080101', departamento: 'Cusco', provincia: 'Cusco', distrito: 'Cusco' },
  { ubigeo: '080201', departamento: 'Cusco', provincia: 'Acomayo', distrito: 'Acomayo' },
]);

describe('UbigeoCatalog', () => {
  it.each(['15', '08', '1501', '0801', '0802', '150101', '150102', '080101'])('knows %s', (code) => {
    expect(catalog.isKnown(code)).toBe(true);
  });

  it.each(['16', '1502', '150103', '0803', '8', '801', '80101', '1501011', '', 'ab', '15 01', ' 150101'])('does not know %p', (code) => {
    expect(catalog.isKnown(code)).toBe(false);
  });

  it('gives the department of a code at any level', () => {
    expect(catalog.departmentOf('150102')).toBe('15');
    expect(catalog.departmentOf('0801')).toBe('08');
    expect(catalog.departmentOf('08')).toBe('08');
  });

  it('names departments', () => {
    expect(catalog.departmentName('15')).toBe('Lima');
    expect(catalog.departmentName('08')).toBe('Cusco');
    expect(catalog.departmentName('99')).toBeUndefined();
  });

  it('names a code at its own level', () => {
    expect(catalog.name('08')).toBe('Cusco');
    expect(catalog.name('0802')).toBe('Acomayo');
    expect(catalog.name('150102')).toBe('Ancón');
    expect(catalog.name('150103')).toBeUndefined();
    expect(catalog.name('15010')).toBeUndefined();
  });

  it('counts districts', () => {
    expect(catalog.size).toBe(4);
  });

  it('refuses a row whose code lost its leading zero', () => {
    expect(() => new UbigeoCatalog([{ ubigeo: '80101', departamento: 'Cusco', provincia: 'Cusco', distrito: 'Cusco' }])).toThrow(
      RangeError,
    );
  });
});
