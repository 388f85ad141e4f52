import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { common } from '../../../i18n/common.js';
import { countryName } from '../../../i18n/countries.js';
import { useLanguage, useTexts } from '../../../i18n/i18n.js';
import { placeLabel } from '../../../shared/ubigeo.js';
import { codeLabel, offenceLabel, referenceLabel, type CatalogFamily } from '../catalog/catalog.js';
import type { Place } from '../catalog/qualification.js';
import { qualificationTexts } from '../catalog/texts.js';
import { correctionTexts } from './correction-texts.js';
import { useCase, type SafeCase } from './use-case.js';

/** A place as people say it: "Cusco, Cusco, Cusco" in Peru, "Chile (en el extranjero)" abroad. */
export function PlaceText({ place }: { place: Place | null | undefined }) {
  const q = useTexts(qualificationTexts);
  const c = useTexts(common);
  const { language } = useLanguage();
  if (!place) return <>{q.none}</>;
  if ('country' in place)
    return (
      <>
        {countryName(place.country, language, c.unknown)}{' '}
        <Text span size="xs" c="dimmed">
          ({q.abroad.toLowerCase()})
        </Text>
      </>
    );
  return <>{placeLabel(place.ubigeo)}</>;
}

function Codes({ family, codes }: { family: CatalogFamily; codes: readonly string[] | undefined }) {
  const q = useTexts(qualificationTexts);
  const { language } = useLanguage();
  if (!codes || codes.length === 0) return <Text size="sm">{q.none}</Text>;
  return (
    <Group gap={6}>
      {codes.map((code) => (
        <Badge key={code} variant="light" color="indigo" style={{ textTransform: 'none' }}>
          {family === 'labourSectors' ? `${code} · ` : ''}
          {codeLabel(family, code, language)}
        </Badge>
      ))}
    </Group>
  );
}

function Named({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** The legal qualification, places by role, recruitment and control, references and the same-facts links. */
export function QualificationView({ view }: { view: SafeCase }) {
  const q = useTexts(qualificationTexts);
  const r = useTexts(correctionTexts);
  const { language } = useLanguage();
  const places = view.places;
  const references = view.references;
  // The case that counts, read for its registry number (outside the user's departments: its id is shown instead).
  const sameAs = useCase(view.sameAsCaseId ?? '');
  const sameAsNumber = view.sameAsCaseId ? (sameAs.data?.registryNumber ?? view.sameAsCaseId.slice(0, 8)) : null;
  return (
    <Stack gap="sm" data-testid="qualification">
      <Named name={q.offences}>
        {view.offences.length === 0 ? (
          q.none
        ) : (
          <List size="sm" spacing={2}>
            {view.offences.map((code) => (
              <List.Item key={code}>{offenceLabel(code, language)}</List.Item>
            ))}
          </List>
        )}
      </Named>
      <Named name={q.aggravatingCircumstances}>
        <Codes family="aggravatingCircumstances" codes={view.aggravatingCircumstances} />
      </Named>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" data-testid="places">
        <Named name={q.recruitmentPlace}>
          <PlaceText place={places?.recruitment} />
        </Named>
        <Named name={q.transitPlaces}>
          {(places?.transit ?? []).length === 0
            ? q.none
            : (places?.transit ?? []).map((place, index) => (
                <div key={index}>
                  <PlaceText place={place} />
                </div>
              ))}
        </Named>
        <Named name={q.exploitationPlace}>
          <PlaceText place={places?.exploitation} />
        </Named>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Named name={q.recruitment}>
          <Codes family="recruitment" codes={view.recruitment} />
        </Named>
        <Named name={q.control}>
          <Codes family="control" codes={view.control} />
        </Named>
        {view.labourSectors.length > 0 && (
          <Named name={q.labourSectors}>
            <Codes family="labourSectors" codes={view.labourSectors} />
          </Named>
        )}
        {view.sexualExploitation.length > 0 && (
          <Named name={q.sexualExploitation}>
            <Codes family="sexualExploitation" codes={view.sexualExploitation} />
          </Named>
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" data-testid="references">
        {(['policeReport', 'prosecutorFile', 'courtFile'] as const).map((kind) => (
          <Named key={kind} name={referenceLabel(kind, language)}>
            <Text span size="sm" fw={500}>
              {references?.[kind] ?? q.none}
            </Text>
          </Named>
        ))}
      </SimpleGrid>
      {(view.sameAsCaseId || view.sameFactsCases.length > 0) && (
        <Group gap="md" data-testid="same-facts">
          {view.sameAsCaseId && (
            <Text size="sm">
              <Text span fw={600}>
                {r.sameAs}:
              </Text>{' '}
              <Anchor component={Link} to={`/casos/${view.sameAsCaseId}`} size="sm" ff="monospace">
                {sameAsNumber}
              </Anchor>
            </Text>
          )}
          {view.sameFactsCases.filter((other) => other.caseId !== view.sameAsCaseId).length > 0 && (
            <Text size="sm">
              <Text span fw={600}>
                {r.sameAsThis}:
              </Text>{' '}
              {view.sameFactsCases
                .filter((other) => other.caseId !== view.sameAsCaseId)
                .map((other) => (
                  <Anchor key={other.caseId} component={Link} to={`/casos/${other.caseId}`} size="sm" ff="monospace" mr="xs">
                    {other.registryNumber ?? other.caseId.slice(0, 8)}
                  </Anchor>
                ))}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
