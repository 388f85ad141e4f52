import { NETWORK_ROLE_LABELS, NETWORK_ROLES } from '#domain';
import { l, one } from './labels.js';
import { countTable } from './report-tables.js';
import type { CellSet } from './statistics-cells.query.js';
import type { Cell } from './statistics-units.js';
import type { Dimension, DisclosureSettings, PublishedTable } from './stat-table.js';

const NETWORK_COLUMNS: Array<Dimension & { measure: string }> = [
  { key: 'identified', label: l('Redes identificadas', 'Networks identified'), measure: 'network.identified' },
  { key: 'dismantled', label: l('Redes desarticuladas', 'Networks dismantled'), measure: 'network.dismantled' },
  { key: 'cases_linked', label: l('Casos vinculados', 'Cases linked'), measure: 'network.case_linked' },
  { key: 'suspects_linked', label: l('Sospechosos vinculados', 'Suspects linked'), measure: 'network.suspect_linked' },
];

export const NETWORK_ROLE_ROWS: Dimension[] = NETWORK_ROLES.map((role) => ({ key: role, label: NETWORK_ROLE_LABELS[role] }));

/** Criminal networks by department (Meta 13): each act in the month of its own date, in the network's department. */
export function criminalNetworksTable(
  cells: CellSet,
  scope: Partial<Cell>,
  departments: Dimension[],
  settings: DisclosureSettings,
  id = 'criminal_networks',
): PublishedTable {
  return countTable(
    {
      id,
      title: l('Redes criminales identificadas y desarticuladas', 'Criminal networks identified and dismantled'),
      rowHeader: l('Departamento', 'Department'),
      rows: departments,
      columns: NETWORK_COLUMNS,
      totalRow: true,
      note: l(
        'Cada acto por su propia fecha (hora de Lima), en el departamento de la red. Un caso vinculado a dos redes cuenta en cada una.',
        "Each act by its own date (Lima time), in the network's department. A case linked to two networks counts in each.",
      ),
      count: (dept, column) => cells.sum(NETWORK_COLUMNS.find((c) => c.key === column)!.measure, { ...scope, dept }),
    },
    settings,
  );
}

/** Suspects linked to networks by their role in the network (codes of NETWORK_ROLES). */
export function networkSuspectsByRoleTable(
  cells: CellSet,
  scope: Partial<Cell>,
  settings: DisclosureSettings,
  id = 'network_suspects_by_role',
): PublishedTable {
  return countTable(
    {
      id,
      title: l(
        'Sospechosos vinculados a redes criminales, por rol en la red',
        'Suspects linked to criminal networks, by role in the network',
      ),
      rowHeader: l('Rol', 'Role'),
      rows: NETWORK_ROLE_ROWS,
      columns: one('suspects', 'Sospechosos', 'Suspects'),
      totalRow: true,
      note: l(
        'Por fecha de la vinculación (hora de Lima), en el departamento de la red.',
        "By date linked (Lima time), in the network's department.",
      ),
      count: (role) => cells.sum('network.suspect_linked', { ...scope, d1: role }),
    },
    settings,
  );
}
