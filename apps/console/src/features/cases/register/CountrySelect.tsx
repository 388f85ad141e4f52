import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { common } from '../../../i18n/common.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { normalize } from '../../../shared/ubigeo.js';
import { countryOptions } from '../../../i18n/countries.js';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> & {
  value: string | null;
  onChange(code: string): void;
  /** Codes not offered: a place abroad is never Peru nor "unknown". */
  exclude?: readonly string[];
};

/** Nationality by typing a country's name or code, accent-insensitive ("peru", "PE", "venez"); Enter picks the first. */
export function CountrySelect({ value, onChange, exclude, ...props }: Props) {
  const { language } = useLanguage();
  const t = useTexts(common);
  const data = useMemo(
    () => countryOptions(language, t.unknown).filter((option) => !exclude?.includes(option.value)),
    [language, t.unknown, exclude],
  );
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(code) => onChange(code ?? 'unknown')}
      searchable
      selectFirstOptionOnChange
      allowDeselect={false}
      filter={({ options, search }) => {
        const query = normalize(search);
        return options.filter(
          (option) =>
            'label' in option &&
            normalize(option.label)
              .split(/[ ,()]+/)
              .some((word) => word.startsWith(query)),
        );
      }}
      limit={30}
    />
  );
}
