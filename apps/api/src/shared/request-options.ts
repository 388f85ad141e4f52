import { randomUUID } from 'node:crypto';

export type HeaderMap = Record<string, string | undefined>;

export const newId = (given?: string | null): string => (given ?? randomUUID()).toLowerCase();

/** The header that states why personal data is asked for (audited); RFC 8187 `UTF-8''…` for non-Latin-1 text. */
export const PURPOSE_HEADER = {
  name: 'X-Purpose',
  required: false,
  description:
    "Finalidad (máx. 200 caracteres; texto no Latin-1 como UTF-8''<codificado con %>): sin ella no se entregan datos personales / " +
    "stated purpose (at most 200 characters; non-Latin-1 text as UTF-8''<percent-encoded>): without it no personal field is returned",
};
