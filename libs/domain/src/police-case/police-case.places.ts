/**
 * Places by role (recruitment, transit, exploitation), shared by registration and corrections: each a Peruvian
 * UBIGEO (department, province or district) or a country abroad, so that victims exploited abroad and foreigners
 * exploited in Peru can both be counted; the case's own `ubigeo` stays the Peruvian place it belongs to.
 */
import { problem, type Problems } from '../shared/validation.js';
import { MAX_TRANSIT_PLACES } from './police-case.codes.js';
import type { CasePlace, CasePlaces } from './police-case.events.js';
import { checkPlace, type PoliceCaseReference } from './police-case.validation.js';

/** Places by role; absent roles are unknown. Fields name the role: `places.transit[2].country`. */
export function checkPlaces(problems: Problems, field: string, value: unknown, reference: PoliceCaseReference): CasePlaces {
  const places: CasePlaces = { recruitment: null, transit: [], exploitation: null };
  if (value === undefined || value === null) return places;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(
      problem(
        field,
        'Debe ser un objeto con los lugares de captación, tránsito y explotación',
        'Must be an object with the places of recruitment, transit and exploitation',
      ),
    );
    return places;
  }
  const given = value as Record<string, unknown>;
  places.recruitment = checkOptionalCasePlace(problems, `${field}.recruitment`, given.recruitment, reference);
  places.exploitation = checkOptionalCasePlace(problems, `${field}.exploitation`, given.exploitation, reference);
  places.transit = checkTransit(problems, `${field}.transit`, given.transit, reference);
  return places;
}

function checkTransit(problems: Problems, field: string, value: unknown, reference: PoliceCaseReference): CasePlace[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_TRANSIT_PLACES) {
    problems.push(
      problem(
        field,
        `Debe ser una lista de hasta ${MAX_TRANSIT_PLACES} lugares, en el orden del traslado`,
        `Must be a list of at most ${MAX_TRANSIT_PLACES} places, in the order the victim was moved`,
      ),
    );
    return [];
  }
  const transit: CasePlace[] = [];
  value.forEach((item: unknown, index) => {
    const place = checkCasePlace(problems, `${field}[${index}]`, item, reference);
    if (place !== undefined) transit.push(place);
  });
  return transit;
}

function checkOptionalCasePlace(problems: Problems, field: string, value: unknown, reference: PoliceCaseReference): CasePlace | null {
  if (value === undefined || value === null) return null;
  return checkCasePlace(problems, field, value, reference) ?? null;
}

/** `{ubigeo}` for a place in Peru, `{country}` for one abroad; Peru itself is a UBIGEO, never the country 'PE'. */
export function checkCasePlace(problems: Problems, field: string, value: unknown, reference: PoliceCaseReference): CasePlace | undefined {
  const place = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const hasUbigeo = place?.ubigeo !== undefined && place.ubigeo !== null;
  const hasCountry = place?.country !== undefined && place.country !== null;
  if (place === undefined || hasUbigeo === hasCountry) {
    problems.push(
      problem(
        field,
        'Debe indicar un lugar en el Perú ({ubigeo}) o en el extranjero ({country}), uno solo',
        'Must give one place in Peru ({ubigeo}) or abroad ({country}), not both',
      ),
    );
    return undefined;
  }
  if (hasUbigeo) {
    const ubigeo = checkPlace(problems, `${field}.ubigeo`, place.ubigeo, reference);
    return ubigeo === undefined ? undefined : { ubigeo };
  }
  const country = place.country;
  if (country === 'PE') {
    problems.push(
      problem(
        `${field}.country`,
        'Un lugar en el Perú se indica con su código UBIGEO (ubigeo), no con el país PE',
        'A place in Peru is given by its UBIGEO code (ubigeo), not by the country PE',
      ),
    );
    return undefined;
  }
  if (typeof country !== 'string' || !reference.countries.isKnown(country)) {
    problems.push(
      problem(
        `${field}.country`,
        'Debe ser un código de país ISO 3166-1 alfa-2 conocido, en mayúsculas (p. ej. CL)',
        'Must be a known ISO 3166-1 alpha-2 country code, upper-case (e.g. CL)',
      ),
    );
    return undefined;
  }
  return { country };
}
