import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../../api/errors.js';
import { useTexts } from '../../../i18n/i18n.js';
import { PageState } from '../../../shared/PageState.js';
import { codeLabels, DOCUMENT_TYPES, options } from '../../../i18n/codes.js';
import { CaseResults } from './CaseResults.js';
import { searchTexts } from './texts.js';
import type { CaseRow, DocumentQuery } from './types.js';
import { useDocumentSearch } from './use-case-search.js';

const texts = {
  es: { purposeRequired: 'Indique el motivo: la búsqueda se registra con él.', numberRequired: 'Escriba el número de documento.' },
  en: { purposeRequired: 'State the purpose: the search is recorded with it.', numberRequired: 'Type the document number.' },
};

interface Props {
  onChoose(row: CaseRow): void;
  actionLabel: string;
}

/**
 * Cases in which a victim's document appears (POST /api/v1/cases/search: type, number and purpose in the body). The
 * API records the search in the audit log; the screen says so before the user searches. The document and purpose
 * are kept in this component only — no draft, no query cache, no URL.
 */
export function DocumentSearch({ onChoose, actionLabel }: Props) {
  const t = useTexts(searchTexts);
  const own = useTexts(texts);
  const codes = useTexts(codeLabels);
  const [query, setQuery] = useState<DocumentQuery>({ documentType: 'DNI', documentNumber: '', purpose: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const search = useDocumentSearch();
  const errors = { ...fieldErrors(search.error), ...problems };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A personal-data search without a stated purpose is not even sent (the API refuses it too).
    const missing: Record<string, string> = {};
    if (!query.documentNumber.trim()) missing.documentNumber = own.numberRequired;
    if (!query.purpose.trim()) missing.purpose = own.purposeRequired;
    setProblems(missing);
    if (Object.keys(missing).length === 0) search.mutate(query);
  };
  const rows = search.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="document-search-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="document-search-title">
          {t.documentTitle}
        </Title>
        <Text size="sm">{t.documentIntro}</Text>
        <Alert color="indigo" variant="light" p="xs">
          <Text size="sm" fw={600}>
            {t.documentAudit}
          </Text>
        </Alert>
        <form onSubmit={submit} noValidate aria-labelledby="document-search-title">
          <SimpleGrid cols={4} spacing="sm">
            <Select
              label={t.documentType}
              data={options(DOCUMENT_TYPES, codes.documentTypes)}
              value={query.documentType}
              allowDeselect={false}
              onChange={(documentType) => {
                if (documentType) setQuery({ ...query, documentType: documentType as DocumentQuery['documentType'] });
              }}
              error={errors.documentType}
            />
            <TextInput
              label={t.documentNumber}
              required
              value={query.documentNumber}
              autoComplete="off"
              onChange={(e) => setQuery({ ...query, documentNumber: e.currentTarget.value })}
              error={errors.documentNumber}
            />
            <TextInput
              label={t.statedPurpose}
              description={t.statedPurposeHint}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              maxLength={200}
              value={query.purpose}
              onChange={(e) => setQuery({ ...query, purpose: e.currentTarget.value })}
              error={errors.purpose}
              style={{ gridColumn: 'span 2' }}
            />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={search.isPending}>
              {t.documentSearch}
            </Button>
          </Group>
        </form>
        {search.isError && Object.keys(fieldErrors(search.error)).length === 0 && <PageState error={search.error} />}
        {search.isSuccess &&
          (rows.length === 0 ? (
            <PageState empty emptyText={t.documentNone} />
          ) : (
            <CaseResults rows={rows} onChoose={onChoose} actionLabel={actionLabel} caption={t.documentFound(rows.length)} />
          ))}
      </Stack>
    </Paper>
  );
}
