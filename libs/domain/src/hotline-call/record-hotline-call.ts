import { checkBoolean, checkOptionalText, checkPastInstant, checkUuid, throwIfProblems, type Problems } from '../shared/validation.js';
import { SUMMARY_MAX_LENGTH, type HotlineCallChannel, type HotlineCallLanguage, type HotlineCallTopic } from './hotline-call.codes.js';
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
  const channel = data.channel as HotlineCallChannel;
  const language = data.language as HotlineCallLanguage;
  const callerUbigeo = checkCallerUbigeo(problems, 'callerUbigeo', data.callerUbigeo, reference);
  const anonymous = checkBoolean(problems, 'anonymous', data.anonymous);
  const topic = data.topic as HotlineCallTopic;
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
