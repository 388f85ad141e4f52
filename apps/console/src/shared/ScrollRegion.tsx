import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table's scroll box that keyboard users can reach and scroll (WCAG 2.1.1; axe scrollable-region-focusable):
 * focusable, named, and bounded in height only when asked.
 */
export function ScrollRegion({ label, maxHeight, children }: { label: string; maxHeight?: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflow: 'auto', maxHeight }}>
      {children}
    </Box>
  );
}
