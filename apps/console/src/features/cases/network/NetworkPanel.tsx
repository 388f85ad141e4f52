import { Badge, Button, Group, Kbd, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { can, type Me } from '../../../auth/use-me.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { formatDateTime } from '../../../shared/format.js';
import type { SafeCase } from '../view/use-case.js';
import { DismantleNetworkForm, IdentifyNetworkForm, LinkExistingNetworkForm, LinkSuspectForm } from './NetworkForms.js';
import { roleLabels, texts } from './texts.js';
import { useNetwork, type NetworkView } from './use-network.js';

type Open = { form: 'identify' | 'existing' } | { form: 'suspect' | 'dismantle'; network: NetworkView } | null;

/**
 * "Red criminal" on the case view: the networks the case is linked to (the case view's networkIds, plus those linked
 * from this page before the projection lists them), each with its suspects and roles; identify a network for the
 * case (Alt+I), link it to an existing one (Alt+J), link a suspect (Alt+L) and dismantle (Alt+X) the first network.
 */
export function NetworkPanel({ view, me }: { view: SafeCase; me: Me | undefined }) {
  const t = useTexts(texts);
  const [linkedHere, setLinkedHere] = useState<string[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const [first, setFirst] = useState<NetworkView | null>(null);
  const ids = [...new Set([...view.networkIds, ...linkedHere])];
  const mayRead = can(me, 'GET /api/v1/networks/{networkId}');
  const mayIdentify = can(me, 'POST /api/v1/networks') && view.status !== 'closed';
  const mayLink = can(me, 'POST /api/v1/networks/{networkId}/cases') && view.status !== 'closed';
  const maySuspect = can(me, 'POST /api/v1/networks/{networkId}/suspects');
  const mayDismantle = can(me, 'POST /api/v1/networks/{networkId}/dismantling');
  useHotkeys(
    [
      ...(mayIdentify ? [['alt+I', () => setOpen({ form: 'identify' })] as const] : []),
      ...(mayLink ? [['alt+J', () => setOpen({ form: 'existing' })] as const] : []),
      ...(maySuspect && first ? [['alt+L', () => setOpen({ form: 'suspect', network: first })] as const] : []),
      ...(mayDismantle && first?.status === 'identified' ? [['alt+X', () => setOpen({ form: 'dismantle', network: first })] as const] : []),
    ].map(([key, run]) => [key, run, { usePhysicalKeys: true }]),
  );
  if (!mayRead) return null;
  const linked = (id: string) => setLinkedHere((before) => [...before, id]);
  const close = () => setOpen(null);
  return (
    <Paper withBorder p="md" data-testid="network-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t.title}
          </Title>
          <Group gap="xs" role="group" aria-label={t.title}>
            {mayIdentify && (
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpen({ form: 'identify' })}
                aria-keyshortcuts="Alt+I"
                rightSection={<Kbd size="xs">Alt I</Kbd>}
              >
                {t.identify}
              </Button>
            )}
            {mayLink && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setOpen({ form: 'existing' })}
                aria-keyshortcuts="Alt+J"
                rightSection={<Kbd size="xs">Alt J</Kbd>}
              >
                {t.linkExisting}
              </Button>
            )}
          </Group>
        </Group>
        {ids.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.none}
          </Text>
        )}
        {ids.map((id, index) => (
          <NetworkCard
            key={id}
            view={view}
            networkId={id}
            shortcuts={index === 0}
            onLoaded={index === 0 ? setFirst : undefined}
            onSuspect={maySuspect ? (network) => setOpen({ form: 'suspect', network }) : undefined}
            onDismantle={mayDismantle ? (network) => setOpen({ form: 'dismantle', network }) : undefined}
          />
        ))}
      </Stack>
      {open?.form === 'identify' && <IdentifyNetworkForm view={view} onClose={close} onLinked={linked} />}
      {open?.form === 'existing' && <LinkExistingNetworkForm view={view} onClose={close} onLinked={linked} />}
      {open?.form === 'suspect' && <LinkSuspectForm view={view} network={open.network} onClose={close} />}
      {open?.form === 'dismantle' && <DismantleNetworkForm view={view} network={open.network} onClose={close} />}
    </Paper>
  );
}

interface CardProps {
  view: SafeCase;
  networkId: string;
  shortcuts: boolean;
  onLoaded?: (network: NetworkView) => void;
  onSuspect?: (network: NetworkView) => void;
  onDismantle?: (network: NetworkView) => void;
}

function NetworkCard({ view, networkId, shortcuts, onLoaded, onSuspect, onDismantle }: CardProps) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const query = useNetwork(networkId);
  const network = query.data;
  useEffect(() => {
    if (onLoaded && network) onLoaded(network);
  }, [network, onLoaded]);
  if (!network)
    return (
      <Text size="sm" c="dimmed">
        {query.isPending ? t.loading : t.unavailable} <code>{networkId}</code>
      </Text>
    );
  const suspectNumber = new Map(view.suspects.map((s, i) => [s.suspectId, i + 1]));
  return (
    <Stack gap={6} aria-label={`${t.title} ${network.networkId}`} role="region">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" ff="monospace">
          {network.networkId}
        </Text>
        <Badge color={network.status === 'dismantled' ? 'gray' : 'red'} variant="light">
          {network.status === 'dismantled' ? t.statusDismantled : t.statusIdentified}
        </Badge>
        {network.alias && (
          <Text size="sm" fw={600}>
            {network.alias}
          </Text>
        )}
      </Group>
      <Text size="sm">
        {t.identifiedAt}: {formatDateTime(network.identifiedAt, language)}
        {network.dismantledAt && ` · ${t.dismantledAt}: ${formatDateTime(network.dismantledAt, language)}`} · {t.cases}:{' '}
        {network.cases.length}
      </Text>
      {network.suspects.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noSuspects}
        </Text>
      ) : (
        <Table striped withTableBorder aria-label={t.suspects}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.suspect}</Table.Th>
              <Table.Th>{t.role}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {network.suspects.map((s) => (
              <Table.Tr key={s.suspectId}>
                <Table.Td>
                  {suspectNumber.has(s.suspectId) ? t.suspectN.replace('{n}', String(suspectNumber.get(s.suspectId))) : t.otherCase}
                </Table.Td>
                <Table.Td>{roleLabels[language][s.role]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs">
        {onSuspect && view.suspects.some((s) => !s.voided) && (
          <Button
            size="xs"
            variant="light"
            onClick={() => onSuspect(network)}
            aria-keyshortcuts={shortcuts ? 'Alt+L' : undefined}
            rightSection={shortcuts ? <Kbd size="xs">Alt L</Kbd> : undefined}
          >
            {t.linkSuspect}
          </Button>
        )}
        {onDismantle && network.status === 'identified' && (
          <Button
            size="xs"
            variant="default"
            onClick={() => onDismantle(network)}
            aria-keyshortcuts={shortcuts ? 'Alt+X' : undefined}
            rightSection={shortcuts ? <Kbd size="xs">Alt X</Kbd> : undefined}
          >
            {t.dismantle}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
