import { Select, type SelectProps } from '@mantine/core';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { placeByCode, searchPlaces, type Place } from './ubigeo.js';
import { useTexts } from '../i18n/i18n.js';

const texts = {
  es: {
    placeholder: 'Escriba un distrito, provincia o departamento',
    nothing: 'Ningún lugar con ese nombre',
    levels: { department: 'Departamento', province: 'Provincia', district: 'Distrito' },
  },
  en: {
    placeholder: 'Type a district, province or department',
    nothing: 'No place by that name',
    levels: { department: 'Department', province: 'Province', district: 'District' },
  },
};

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> & {
  value: string | null;
  onChange(code: string | null): void;
};

/**
 * UBIGEO by typing a place name, accent- and case-insensitive ("huanuco" finds Huánuco). The first match is
 * highlighted as one types, so Enter picks it: place, Enter, and on to the next field.
 */
export function UbigeoSelect({ value, onChange, ...props }: Props) {
  const t = useTexts(texts);
  const [search, setSearch] = useState(() => placeByCode(value)?.label ?? '');
  const optionLabel = useCallback((place: Place) => `${place.label} · ${t.levels[place.level]} ${place.code}`, [t]);
  const data = useMemo(() => {
    const current = placeByCode(value);
    // The chosen place is listed while its name is what the field shows; once the user types another name, only
    // the matches are (else the chosen one, first and highlighted, would be what Enter picks, and so deselects).
    const showing = current && (search === current.label || search === optionLabel(current));
    const found = showing ? [] : searchPlaces(search);
    const places = current && showing ? [current] : found;
    return places.map((place) => ({ value: place.code, label: optionLabel(place) }));
  }, [search, value, optionLabel]);
  // Text that arrives in one event (a paste) leaves no option highlighted, and Enter would pick nothing: then
  // Enter takes the first match, as it does when typing.
  const picked = useRef(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    props.onKeyDown?.(event);
    if (event.key !== 'Enter' || !search.trim()) return;
    picked.current = false;
    setTimeout(() => {
      const first = searchPlaces(search, 1)[0];
      if (!picked.current && first && first.code !== value) onChange(first.code);
    }, 0);
  };
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(code) => {
        picked.current = true;
        onChange(code);
      }}
      onKeyDown={onKeyDown}
      searchable
      allowDeselect={false}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      selectFirstOptionOnChange
      clearable
      placeholder={props.placeholder ?? t.placeholder}
      nothingFoundMessage={search.trim() ? t.nothing : undefined}
    />
  );
}
