import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { fieldErrors } from '../../../api/errors.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { fromLimaLocal, limaNow } from '../../../shared/format.js';
import { newId } from '../../../shared/ids.js';
import { CommandModal, DateTimeField } from '../view/CommandModal.js';
import { texts as caseTexts } from '../view/texts.js';
import { caseKey, type SafeCase } from '../view/use-case.js';
import { useCommand } from '../view/use-command.js';
import { NETWORK_ROLES, roleLabels, texts, type NetworkRole } from './texts.js';
import { networkKey, type NetworkView } from './use-network.js';

const nowLocal = () => limaNow().slice(0, 16);

interface CaseFormProps {
  view: SafeCase;
  onClose(): void;
  /** The network this case was linked to (the case view lists it once the projection has read the link). */
  onLinked(networkId: string): void;
}

/** POST /networks, then POST /networks/{id}/cases for this case: the id is made here, so a retry names the same network. */
export function IdentifyNetworkForm({ view, onClose, onLinked }: CaseFormProps) {
  const t = useTexts(texts);
  const c = useTexts(caseTexts);
  const [networkId] = useState(newId);
  const [identifiedAt, setIdentifiedAt] = useState(nowLocal);
  const [ubigeo, setUbigeo] = useState(view.ubigeo.slice(0, 2));
  const [alias, setAlias] = useState('');
  const [policeUnit, setPoliceUnit] = useState('');
  const identify = useCommand([]);
  const link = useCommand([caseKey(view.caseId), networkKey(networkId)]);
  const error = identify.error ?? link.error;
  const errors = fieldErrors(error);
  const submit = async () => {
    const at = fromLimaLocal(identifiedAt);
    if (!identify.isSuccess) {
      const body = { networkId, identifiedAt: at, ubigeo, alias: alias.trim() || null, policeUnit: policeUnit.trim() || null };
      // A refused identification is shown at its fields; the case is linked only to a network that exists.
      const identified = await identify.mutateAsync({ send: (init) => api.POST('/api/v1/networks', { body, ...init }) }).catch(() => null);
      if (identified === null) return;
    }
    link.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/networks/{networkId}/cases', {
            params: { path: { networkId } },
            body: { caseId: view.caseId, linkedAt: at },
            ...init,
          }),
      },
      { onSuccess: () => (onLinked(networkId), onClose()) },
    );
  };
  return (
    <CommandModal
      opened
      title={t.identify}
      submitLabel={t.identify}
      pending={identify.isPending || link.isPending}
      error={error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <TextInput
        label={t.ubigeo}
        required
        value={ubigeo}
        onChange={(e) => setUbigeo(e.currentTarget.value)}
        error={errors.ubigeo}
        data-autofocus
      />
      <TextInput label={t.alias} value={alias} onChange={(e) => setAlias(e.currentTarget.value)} error={errors.alias} maxLength={200} />
      <TextInput
        label={t.policeUnit}
        value={policeUnit}
        onChange={(e) => setPoliceUnit(e.currentTarget.value)}
        error={errors.policeUnit}
        maxLength={200}
      />
      <DateTimeField
        label={t.identifiedAt}
        description={c.limaTime}
        value={identifiedAt}
        onChange={setIdentifiedAt}
        error={errors.identifiedAt ?? errors.linkedAt}
      />
    </CommandModal>
  );
}

/** POST /networks/{id}/cases with a network id the user has (from another case or the police file). */
export function LinkExistingNetworkForm({ view, onClose, onLinked }: CaseFormProps) {
  const t = useTexts(texts);
  const c = useTexts(caseTexts);
  const [networkId, setNetworkId] = useState('');
  const [linkedAt, setLinkedAt] = useState(nowLocal);
  const id = networkId.trim().toLowerCase();
  const command = useCommand([caseKey(view.caseId), networkKey(id)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        send: (init) =>
          api.POST('/api/v1/networks/{networkId}/cases', {
            params: { path: { networkId: id } },
            body: { caseId: view.caseId, linkedAt: fromLimaLocal(linkedAt) },
            ...init,
          }),
      },
      { onSuccess: () => (onLinked(id), onClose()) },
    );
  return (
    <CommandModal
      opened
      title={t.linkExisting}
      submitLabel={t.linkExisting}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextInput label={t.networkId} required value={networkId} onChange={(e) => setNetworkId(e.currentTarget.value)} data-autofocus />
      <DateTimeField
        label={t.linkedAt}
        description={c.limaTime}
        value={linkedAt}
        onChange={setLinkedAt}
        error={errors.linkedAt ?? errors.caseId}
      />
    </CommandModal>
  );
}

interface NetworkFormProps {
  view: SafeCase;
  network: NetworkView;
  onClose(): void;
}

/** POST /networks/{id}/suspects: one of this case's suspects, with a role code. */
export function LinkSuspectForm({ view, network, onClose }: NetworkFormProps) {
  const t = useTexts(texts);
  const c = useTexts(caseTexts);
  const { language } = useLanguage();
  const suspects = view.suspects.map((s, index) => ({ ...s, index })).filter((s) => !s.voided);
  const [suspectId, setSuspectId] = useState<string | null>(suspects[0]?.suspectId ?? null);
  const [role, setRole] = useState<NetworkRole>('other');
  const [linkedAt, setLinkedAt] = useState(nowLocal);
  const command = useCommand([networkKey(network.networkId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        version: network.version,
        send: (init) =>
          api.POST('/api/v1/networks/{networkId}/suspects', {
            params: { path: { networkId: network.networkId } },
            body: { caseId: view.caseId, suspectId: suspectId ?? '', role, linkedAt: fromLimaLocal(linkedAt) },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.linkSuspect}
      submitLabel={t.linkSuspect}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Select
        label={t.suspect}
        required
        data={suspects.map((s) => ({ value: s.suspectId, label: t.suspectN.replace('{n}', String(s.index + 1)) }))}
        value={suspectId}
        onChange={setSuspectId}
        error={errors.suspectId ?? errors.caseId}
        allowDeselect={false}
        data-autofocus
      />
      <Select
        label={t.role}
        required
        data={NETWORK_ROLES.map((value) => ({ value, label: roleLabels[language][value] }))}
        value={role}
        onChange={(value) => setRole(NETWORK_ROLES.find((r) => r === value) ?? 'other')}
        error={errors.role}
        allowDeselect={false}
      />
      <DateTimeField label={t.linkedAt} description={c.limaTime} value={linkedAt} onChange={setLinkedAt} error={errors.linkedAt} />
    </CommandModal>
  );
}

/** POST /networks/{id}/dismantling. */
export function DismantleNetworkForm({ network, onClose }: NetworkFormProps) {
  const t = useTexts(texts);
  const c = useTexts(caseTexts);
  const [dismantledAt, setDismantledAt] = useState(nowLocal);
  const command = useCommand([networkKey(network.networkId)]);
  const errors = fieldErrors(command.error);
  const submit = () =>
    command.mutate(
      {
        version: network.version,
        send: (init) =>
          api.POST('/api/v1/networks/{networkId}/dismantling', {
            params: { path: { networkId: network.networkId } },
            body: { dismantledAt: fromLimaLocal(dismantledAt) },
            ...init,
          }),
      },
      { onSuccess: onClose },
    );
  return (
    <CommandModal
      opened
      title={t.dismantle}
      submitLabel={t.dismantle}
      pending={command.isPending}
      error={command.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <DateTimeField
        label={t.dismantledAt}
        description={c.limaTime}
        value={dismantledAt}
        onChange={setDismantledAt}
        error={errors.dismantledAt}
        autoFocus
      />
    </CommandModal>
  );
}
