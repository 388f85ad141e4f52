import { checkOptionalText, throwIfProblems, type Problems } from '../shared/validation.js';
import { REASON_MAX_LENGTH, type HotlineCallTopic } from './hotline-call.codes.js';
import type { ClassifyHotlineCall } from './hotline-call.commands.js';
import type { HotlineCallClassified } from './hotline-call.events.js';
import type { HotlineCallState } from './hotline-call.state.js';
import { dataOf, requireOpenCall } from './hotline-call.validation.js';

export function classifyHotlineCall(command: ClassifyHotlineCall, state: HotlineCallState): HotlineCallClassified[] {
  const data = dataOf(command);
  const call = requireOpenCall(state, data.callId);

  const problems: Problems = [];
  const topic = data.topic as HotlineCallTopic;
  const reason = checkOptionalText(problems, 'reason', data.reason, REASON_MAX_LENGTH);
  throwIfProblems(problems);

  // Classifying into the current topic changes nothing; returning no events makes a retried request harmless.
  if (topic === call.topic) return [];
  return [
    {
      type: 'HotlineCallClassified',
      data: { callId: call.callId, topic: topic!, previousTopic: call.topic, reason: reason! },
    },
  ];
}
