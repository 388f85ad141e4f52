/** A stream's version as an HTTP entity tag (If-Match on commands takes it back: CommandService's commandOptions). */
export const etag = (version: number): string => `"${version}"`;
