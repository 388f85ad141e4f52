import { Textarea } from '@mantine/core';
import { useTexts } from '../../../i18n/i18n.js';
import { correctionTexts } from './correction-texts.js';

export const REASON_MAX = 500;

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string;
  autoFocus?: boolean;
}

/** The required reason of every correction (1..500 characters, sealed by the API). */
export function ReasonField({ value, onChange, error, autoFocus }: Props) {
  const t = useTexts(correctionTexts);
  return (
    <Textarea
      label={t.reason}
      description={`${t.reasonHint} (${value.length}/${REASON_MAX})`}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      required
      autosize
      minRows={2}
      maxLength={REASON_MAX}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-autofocus={autoFocus || undefined}
    />
  );
}
