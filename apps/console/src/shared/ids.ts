/** Ids are made by the client, so that a retried command is the same command (the API never doubles it). */
export function newId(): string {
  return crypto.randomUUID();
}
