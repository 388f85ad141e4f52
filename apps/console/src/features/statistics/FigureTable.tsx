import { Table } from '@mantine/core';
import { useLanguage } from '../../i18n/i18n.js';
import { figureText } from './figures.js';
import { useReservedLabel } from './Provenance.js';
import type { Figure } from './types.js';
import { ScrollRegion } from '../../shared/ScrollRegion.js';

export interface FigureRow {
  key: string;
  label: string;
  values: Figure[];
}

/** The accessible view of a chart: the same figures as a table, a suppressed cell as "reservado". */
export function FigureTable({
  caption,
  rowHeader,
  columns,
  rows,
}: {
  caption: string;
  rowHeader: string;
  columns: string[];
  rows: FigureRow[];
}) {
  const { language } = useLanguage();
  const reserved = useReservedLabel();
  return (
    <ScrollRegion label={caption} maxHeight={360}>
      <Table striped withTableBorder highlightOnHover stickyHeader>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" ta="right">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={row.key === 'total' ? 700 : 400}>
                {row.label}
              </Table.Th>
              {row.values.map((value, i) => (
                <Table.Td key={i} ta="right" data-reserved={value === null ? 'true' : undefined} fs={value === null ? 'italic' : undefined}>
                  {figureText(value, language, reserved)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
