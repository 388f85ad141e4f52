import { PERSONAL_FIELDS } from '../../../../libs/domain/src/index.js';
import type { FieldSealer } from '../../../../libs/platform/src/index.js';
import type { StoredEvent } from './stream-type.js';

type Transform = (value: string, context: string) => string;

function mapPersonal(event: StoredEvent, transform: Transform): StoredEvent {
  if (event.type !== 'VictimIdentified') return event;
  const data = event.data as { victimId: string; personal?: Record<string, string | null> };
  if (!data.personal) return event;
  const personal = Object.fromEntries(
    Object.entries(data.personal).map(([key, value]) => [
      key,
      typeof value === 'string' && (PERSONAL_FIELDS as readonly string[]).includes(key)
        ? transform(value, `victim:${data.victimId}:${key}`)
        : value,
    ]),
  );
  return { ...event, data: { ...data, personal } };
}

/** A victim's name, document, phone and address enter the log sealed, never in clear. */
export const sealPersonalData = (sealer: FieldSealer, event: StoredEvent): StoredEvent =>
  mapPersonal(event, (value, context) => sealer.seal(value, context));

export const unsealPersonalData = (sealer: FieldSealer, event: StoredEvent): StoredEvent =>
  mapPersonal(event, (value, context) => sealer.unseal(value, context));
