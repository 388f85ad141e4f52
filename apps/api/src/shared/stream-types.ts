import {
  caseStreamName,
  createHotlineCallDecider,
  createPoliceCaseDecider,
  createProsecutionDecider,
  createReferralDecider,
  createTrialDecider,
  hotlineCallStreamName,
  prosecutionStreamName,
  referralStreamName,
  trialStreamName,
} from '../../../../libs/domain/src/index.js';
import type { ReferenceCatalogs } from '../../../../libs/platform/src/index.js';
import { callerOf, markErasedCall, sealHotlineCallEvent, unsealHotlineCallEvent } from '../hotline-calls/hotline-call-privacy.js';
import {
  CASE_FREE_TEXT, HOTLINE_CALL_FREE_TEXT, PROSECUTION_FREE_TEXT, REFERRAL_FREE_TEXT, TRIAL_FREE_TEXT, withFreeText,
} from '../../../../libs/platform/src/index.js';
import { markErasedVictims, sealPersonalData, unsealPersonalData, victimsOf } from './personal-data.js';
import type { AnyStreamType } from './stream-type.js';

/** Injection token of the registry's stream types, built once with the reference catalogs. */
export const STREAM_TYPES = Symbol('STREAM_TYPES');

export interface StreamTypes {
  hotlineCall: AnyStreamType;
  referral: AnyStreamType;
  policeCase: AnyStreamType;
  prosecution: AnyStreamType;
  trial: AnyStreamType;
}

const idField = (field: string) => (command: { data: object }) => String((command.data as Record<string, unknown>)[field]);

export function createStreamTypes(catalogs: ReferenceCatalogs): StreamTypes {
  return {
    hotlineCall: {
      name: 'hotline-call', decider: createHotlineCallDecider({ ubigeo: catalogs.ubigeo }), streamName: hotlineCallStreamName,
      idField: 'callId', idOf: idField('callId'), isCreate: (c) => c.type === 'RecordHotlineCall',
      ...withFreeText(HOTLINE_CALL_FREE_TEXT, { subjectsOf: callerOf, seal: sealHotlineCallEvent, unseal: unsealHotlineCallEvent }),
      markErased: markErasedCall,
    },
    referral: {
      name: 'referral', decider: createReferralDecider({ ubigeo: catalogs.ubigeo }), streamName: referralStreamName,
      idField: 'referralId', idOf: idField('referralId'), isCreate: (c) => c.type === 'SendReferral',
      ...withFreeText(REFERRAL_FREE_TEXT, {}),
    },
    policeCase: {
      name: 'case', decider: createPoliceCaseDecider({ ubigeo: catalogs.ubigeo, countries: catalogs.countries }),
      streamName: caseStreamName, idField: 'caseId', idOf: idField('caseId'), isCreate: (c) => c.type === 'RegisterCase',
      ...withFreeText(CASE_FREE_TEXT, { subjectsOf: victimsOf, seal: sealPersonalData, unseal: unsealPersonalData }),
      markErased: markErasedVictims,
    },
    prosecution: {
      name: 'prosecution', decider: createProsecutionDecider(), streamName: prosecutionStreamName,
      idField: 'prosecutionId', idOf: idField('prosecutionId'), isCreate: (c) => c.type === 'OpenProsecution',
      ...withFreeText(PROSECUTION_FREE_TEXT, {}),
    },
    trial: {
      name: 'trial', decider: createTrialDecider(), streamName: trialStreamName,
      idField: 'trialId', idOf: idField('trialId'), isCreate: (c) => c.type === 'OpenTrial',
      ...withFreeText(TRIAL_FREE_TEXT, {}),
    },
  };
}
