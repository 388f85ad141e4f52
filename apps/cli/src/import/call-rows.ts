import { HOTLINE_CALL_CHANNELS, HOTLINE_CALL_LANGUAGES, HOTLINE_CALL_TOPICS, SUMMARY_MAX_LENGTH, type RecordHotlineCall } from '#domain';
import type { ReferenceCatalogs } from '#platform';
import type { CallFileColumn, RowProblem } from './import-layout.js';
import { parseFileInstant, type SourceRow } from './case-rows.js';

/** A historic hotline call as the file gives it, checked at the edge: RecordHotlineCall's data without its id. */
export interface CallRecord {
  sourceCallId: string;
  line: number;
  data: Omit<RecordHotlineCall['data'], 'callId'>;
}

const YES = ['true', 'yes', 'si', 'sí', '1'];
const NO = ['false', 'no', '0'];

/** Checks each row of a calls file; a source call id given twice is refused on its second line. */
export function readCalls(
  rows: ReadonlyArray<SourceRow<CallFileColumn>>,
  catalogs: ReferenceCatalogs,
): { calls: CallRecord[]; problems: RowProblem[] } {
  const calls: CallRecord[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const found: RowProblem[] = [];
    const fail = (field: CallFileColumn, reason: string, reasonEn: string) => {
      found.push({ line, field, reason, reasonEn });
      return undefined;
    };
    const code = <Code extends string>(field: CallFileColumn, codes: readonly Code[]): Code | undefined => {
      const value = cells[field];
      if (value === '') return fail(field, 'es obligatorio', 'is required');
      if ((codes as readonly string[]).includes(value)) return value as Code;
      return fail(
        field,
        `código desconocido «${value}»; use uno de: ${codes.join(', ')}`,
        `unknown code "${value}"; use one of: ${codes.join(', ')}`,
      );
    };
    const sourceCallId = cells.source_call_id;
    if (sourceCallId === '') fail('source_call_id', 'es obligatorio', 'is required');
    else if ([...sourceCallId].length > 200) fail('source_call_id', 'admite hasta 200 caracteres', 'takes at most 200 characters');
    else if (seen.has(sourceCallId))
      fail(
        'source_call_id',
        `la llamada ya figura en la línea ${seen.get(sourceCallId)}`,
        `the call is already on line ${seen.get(sourceCallId)}`,
      );
    else seen.set(sourceCallId, line);
    const receivedAt =
      cells.received_at === ''
        ? fail('received_at', 'es obligatorio', 'is required')
        : (parseFileInstant(cells.received_at) ??
          fail(
            'received_at',
            'debe ser una fecha AAAA-MM-DD (día de Lima) o una fecha y hora ISO 8601 con zona horaria',
            'must be a date YYYY-MM-DD (Lima day) or an ISO 8601 date-time with an offset',
          ));
    const channel = code('channel', HOTLINE_CALL_CHANNELS);
    const language = code('language', HOTLINE_CALL_LANGUAGES);
    const topic = code('topic', HOTLINE_CALL_TOPICS);
    const ubigeo = cells.caller_ubigeo;
    if (ubigeo !== '' && (!/^(?:\d{2}|\d{4}|\d{6})$/.test(ubigeo) || !catalogs.ubigeo.isKnown(ubigeo)))
      fail('caller_ubigeo', `«${ubigeo}» no es un UBIGEO conocido`, `"${ubigeo}" is not a known UBIGEO`);
    const flag = cells.anonymous.toLowerCase();
    const anonymous = YES.includes(flag)
      ? true
      : NO.includes(flag)
        ? false
        : fail('anonymous', 'debe ser true o false', 'must be true or false');
    const summary = cells.summary;
    if ([...summary].length > SUMMARY_MAX_LENGTH)
      fail('summary', `admite hasta ${SUMMARY_MAX_LENGTH} caracteres`, `takes at most ${SUMMARY_MAX_LENGTH} characters`);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    calls.push({
      sourceCallId,
      line,
      data: {
        receivedAt: receivedAt!,
        channel: channel!,
        language: language!,
        callerUbigeo: ubigeo === '' ? null : ubigeo,
        anonymous: anonymous!,
        topic: topic!,
        summary: summary === '' ? null : summary,
      },
    });
  }
  return { calls, problems };
}
