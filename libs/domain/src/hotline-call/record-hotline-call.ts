import {
  checkBoolean,
  checkCode,
  checkOptionalText,
  checkPastInstant,
  checkUuid,
  throwIfProblems,
  type Problems,
} from '../shared/validation.js';
import {
  HOTLINE_CALL_CHANNELS,
  HOTLINE_CALL_LANGUAGES,
  HOTLINE_CALL_TOPICS,
  SUMMARY_MAX_LENGTH,
} from './hotline-call.codes.js';
import type { RecordHotlineCall } from './hotline-call.commands.js';
import { callAlreadyRecorded } from './hotline-call.errors.js';
import type { HotlineCallReceived } from './hotline-call.events.js';
import type { HotlineCallState } from './hotline-call.state.js';
import { checkCallerUbigeo, dataOf, type HotlineCallReference } from './hotline-call.validation.js';

export function recordHotlineCall(
  command: RecordHotlineCall,
  state: HotlineCallState,
  reference: HotlineCallReference,
): HotlineCallReceived[] {
  if (state.status !== 'unrecorded') throw callAlreadyRecorded();

  const data = dataOf(command);
  const problems: Problems = [];
  const callId = checkUuid(problems, 'callId', data.callId);
  const receivedAt = checkPastInstant(problems, 'receivedAt', data.receivedAt, command.metadata.now);
  const channel = checkCode(problems, 'channel', data.channel, HOTLINE_CALL_CHANNELS);
  const language = checkCode(problems, 'language', data.language, HOTLINE_CALL_LANGUAGES);
  const callerUbigeo = checkCallerUbigeo(problems, 'callerUbigeo', data.callerUbigeo, reference);
  const anonymous = checkBoolean(problems, 'anonymous', data.anonymous);
  const topic = checkCode(problems, 'topic', data.topic, HOTLINE_CALL_TOPICS);
  const summary = checkOptionalText(problems, 'summary', data.summary, SUMMARY_MAX_LENGTH);
  throwIfProblems(problems);

  // Every value is defined here: each check returns undefined only after recording a problem.
  return [
    {
      type: 'HotlineCallReceived',
      data: {
        callId: callId!,
        receivedAt: receivedAt!,
        channel: channel!,
        language: language!,
        callerUbigeo: callerUbigeo!,
        anonymous: anonymous!,
        topic: topic!,
        summary: summary!,
      },
    },
  ];
}
