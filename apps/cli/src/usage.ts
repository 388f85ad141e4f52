/** `npm run cli -- help`: every command and option, Spanish first. */
export function usage(projections: readonly string[]): string {
  return `Registro de trata: línea de comandos del operador / the operator's command line

Uso / usage: npm run cli -- <comando/command> [opciones/options]

Comandos / commands:
  report monthly --year YYYY --month M [--department DD] [opciones de exportación]
      Reporte mensual Meta 14 / Meta 14 monthly report
  export inei --year YYYY [opciones de exportación]
      Cuadros anuales para el INEI / INEI annual tables
  publish --kind monthly|inei-annual --period YYYY-MM|YYYY [--department DD] [--id UUID]
      Publica (congela) un reporte en la posición actual e imprime la publicación (JSON)
      Freezes a report at the current log position and prints the publication (JSON)
  rebuild [--projection NOMBRE/NAME]
      Reconstruye las proyecciones desde el registro de eventos / rebuilds the projections from the event log
      Proyecciones / projections: ${projections.join(', ')}
  projections status
      Cada proyección: estado (en marcha, reintentando, FALLIDA), posición, retraso, fallo y omisiones
      Each projection: state (running, retrying, FAILED), position, lag, failure and skips
  projections retry NOMBRE/NAME
      Borra el fallo de una proyección: el API reintenta el evento / clears a projection's failure: the API retries the event
  projections skip NOMBRE/NAME --position N --reason TEXTO/TEXT
      Registra (sin borrado posible) que la proyección pasa por alto el evento en la posición N, también al reconstruir
      Records (append-only) that the projection passes over the event at position N, on rebuilds too
  integration status
      El relé de eventos de integración: punto de control, cabeza del registro, retraso y cartas muertas sin resolver
      The integration relay: checkpoint, log head, lag in events and unresolved dead letters
  integration dead-letters [--all]
      Eventos que el broker rechazó una y otra vez: relé, posición, tipo, id, intentos, error, fecha (sin datos del
      evento; --all: también las resueltas). Events the broker kept rejecting: relay, position, type, id, attempts,
      error, time (no event data; --all: the resolved ones too)
  integration retry --position N [--relay NOMBRE/NAME]
      Reenvía ese evento al broker (KAFKA_BROKERS) y marca su carta muerta como resuelta (quién, cuándo)
      Re-publishes that event to the broker (KAFKA_BROKERS) and marks its dead letter resolved (by whom, when)
  verify [--anchors ARCHIVO/FILE]
      Verifica la cadena de hashes de cada flujo, los anclajes, la cadena de la bitácora de auditoría y la base contra
      los anclajes firmados exportados (--anchors; por defecto ANCHOR_EXPORT_FILE); ancla y exporta el registro verificado
      Checks every stream's hash chain, the anchors, the audit log's chain and the database against the signed
      exported anchors (--anchors; default ANCHOR_EXPORT_FILE), then anchors and exports the verified log
  rotate-master-key [--batch-size N]
      Crea una versión nueva de la clave maestra, re-envuelve cada clave de persona y borra las versiones antiguas
      del llavero (detenga el API antes). Creates a new master key version, re-wraps every subject key and deletes
      the old versions from the keyring (stop the API first). Needs a keyring file (MASTER_KEYS_FILE or .data/).
  token --role ROL/ROLE [--department DD ...] [--hours N] [--subject ID]
      Imprime un token de acceso firmado con el secreto configurado (8 h por defecto, hasta TOKEN_MAX_HOURS; sin
      --department: nacional, scope_national: true) y su jti
      Prints an access token signed with the configured secret (8 h by default, at most TOKEN_MAX_HOURS; no
      --department: national scope, scope_national: true) and its jti
      Roles: operator, police, prosecutor, judiciary, protection, analyst, auditor, admin. No con AUTH_JWKS_URL.
  revoke-token --jti JTI [--reason TEXTO/TEXT]
      Revoca un token por su jti (impreso por token); el API lo rechaza en segundos en todas las réplicas
      Revokes a token by its jti (printed by token); every replica refuses it within seconds
  login-url --role ROL/ROLE [--department DD ...] [--hours N] [--subject ID] [--url http://127.0.0.1:3000]
      Imprime un enlace de acceso a la consola web (<url>/sign-in#code=…), válido 15 minutos y una sola vez
      Prints a sign-in link for the web console (<url>/sign-in#code=…), valid for 15 minutes and once
      (--hours: duración de la sesión / session length, 8 h por defecto/default). No con AUTH_JWKS_URL.
  backup --out ARCHIVO/FILE
      Copia de seguridad consistente (una instantánea) del registro de eventos, las claves de personas (envueltas),
      los vínculos de documentos, las publicaciones, los anclajes y la auditoría, con manifiesto y sumas SHA-256
      (.gz: comprimida). Guarde aparte el llavero de claves maestras, la clave de firma de anclajes y el secreto JWT.
      A consistent backup (one snapshot) of the event log, the subject keys (wrapped), the document links, the
      publications, the anchors and the audit log, with a manifest and SHA-256 checksums (.gz: compressed). Keep
      the master keyring, the anchor signing key and the JWT secret separately.
  restore --in ARCHIVO/FILE
      Verifica las sumas, migra una base VACÍA, carga la copia y reconstruye las proyecciones (luego: verify)
      Checks the checksums, migrates an EMPTY database, loads the backup and rebuilds the projections (then: verify)
  import cases ARCHIVO/FILE.csv [--calls LLAMADAS/CALLS.csv] [--source-system NOMBRE/NAME] [--dry-run]
  import calls ARCHIVO/FILE.csv [--source-system NOMBRE/NAME] [--dry-run]
      Importa registros históricos (docs/import.md): una fila por víctima por caso; valida cada fila con las reglas
      del API (ley vigente, lugares, códigos), añade cada caso de una vez con su número de registro y su procedencia
      (sistema, SHA-256 del archivo, fila); repetir el mismo archivo no añade nada. --dry-run: lista cada fila no
      válida (línea, campo, motivo) sin añadir nada. Sale con 2 si alguna fila no es válida.
      Imports historic records (docs/import.md): one row per victim per case; checks each row with the API's rules
      (law in force, places, codes), appends each case at once with its registry number and provenance (system,
      file SHA-256, row); the same file again appends nothing. --dry-run: lists every invalid row (line, field,
      reason) and appends nothing. Exits with 2 when any row is invalid.
  help
      Esta ayuda / this help

Opciones de exportación / export options:
  --as-of N              posición del registro a reproducir / log position to reproduce (por defecto/default: actual/current)
  --format json|csv|xlsx formato / format (json)
  --lang es|en           idioma de encabezados CSV/XLSX / CSV/XLSX header language (es)
  --out ARCHIVO/FILE     escribe en un archivo en vez de la salida estándar / write to a file instead of stdout

El control de divulgación se aplica siempre (k = DISCLOSURE_K, 5 por defecto).
Disclosure control is always applied (k = DISCLOSURE_K, default 5).

Base de datos / database: DATABASE_URL si está definida; si no, la base embebida en .data/ (la del API si está en
ejecución, o se inicia y se detiene al terminar). / DATABASE_URL when set; otherwise the embedded database in .data/
(the API's if it is running, else started and stopped around the command).

Códigos de salida / exit codes:
  0 correcto / ok    1 error inesperado / unexpected failure    2 uso o validación / usage or validation error
  3 integridad comprometida / integrity failure (verify)
`;
}
