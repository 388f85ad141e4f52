/**
 * A case's qualification as a form holds it, and as the API takes it (api-routes.md: `offences`,
 * `aggravatingCircumstances`, `places`, `recruitment`, `control`, `labourSectors`, `sexualExploitation`). A place is
 * `{ ubigeo }` in Peru or `{ country }` abroad; the form keeps which one the user chose and the code typed.
 */
export type Place = { ubigeo: string } | { country: string };

export interface Places {
  recruitment?: Place | null;
  transit?: Place[];
  exploitation?: Place | null;
}

export interface PlaceDraft {
  abroad: boolean;
  /** A UBIGEO when in Peru, an ISO 3166-1 alpha-2 code abroad; null until chosen. */
  code: string | null;
}

export interface QualificationDraft {
  offences: string[];
  aggravatingCircumstances: string[];
  recruitmentPlace: PlaceDraft;
  transitPlaces: PlaceDraft[];
  exploitationPlace: PlaceDraft;
  recruitment: string[];
  control: string[];
  labourSectors: string[];
  sexualExploitation: string[];
}

export interface Qualification {
  offences: string[];
  aggravatingCircumstances: string[];
  places: { recruitment: Place | null; transit: Place[]; exploitation: Place | null };
  recruitment: string[];
  control: string[];
  labourSectors: string[];
  sexualExploitation: string[];
}

export const emptyPlace = (): PlaceDraft => ({ abroad: false, code: null });

export const newQualificationDraft = (): QualificationDraft => ({
  offences: [],
  aggravatingCircumstances: [],
  recruitmentPlace: emptyPlace(),
  transitPlaces: [],
  exploitationPlace: emptyPlace(),
  recruitment: [],
  control: [],
  labourSectors: [],
  sexualExploitation: [],
});

export function toPlace(place: PlaceDraft): Place | null {
  if (!place.code) return null;
  return place.abroad ? { country: place.code } : { ubigeo: place.code };
}

export function fromPlace(place: Place | null | undefined): PlaceDraft {
  if (!place) return emptyPlace();
  return 'country' in place ? { abroad: true, code: place.country } : { abroad: false, code: place.ubigeo };
}

/** Labour sectors only with a labour purpose, sexual exploitation types only with that purpose (the form hides them). */
export const LABOUR_PURPOSES: readonly string[] = ['labour_exploitation', 'forced_labour', 'servitude'];
export const showsLabourSectors = (purposes: readonly string[]) => purposes.some((purpose) => LABOUR_PURPOSES.includes(purpose));
export const showsSexualExploitation = (purposes: readonly string[]) => purposes.includes('sexual_exploitation');

/** The qualification the draft says, what is hidden for the purposes left out (a hidden field sends nothing). */
export function toQualification(draft: QualificationDraft, purposes: readonly string[]): Qualification {
  return {
    offences: draft.offences,
    aggravatingCircumstances: draft.aggravatingCircumstances,
    places: {
      recruitment: toPlace(draft.recruitmentPlace),
      transit: draft.transitPlaces.flatMap((place) => toPlace(place) ?? []),
      exploitation: toPlace(draft.exploitationPlace),
    },
    recruitment: draft.recruitment,
    control: draft.control,
    labourSectors: showsLabourSectors(purposes) ? draft.labourSectors : [],
    sexualExploitation: showsSexualExploitation(purposes) ? draft.sexualExploitation : [],
  };
}

export function fromQualification(value: Partial<Omit<Qualification, 'places'>> & { places?: Places | null }): QualificationDraft {
  return {
    offences: [...(value.offences ?? [])],
    aggravatingCircumstances: [...(value.aggravatingCircumstances ?? [])],
    recruitmentPlace: fromPlace(value.places?.recruitment),
    transitPlaces: (value.places?.transit ?? []).map(fromPlace),
    exploitationPlace: fromPlace(value.places?.exploitation),
    recruitment: [...(value.recruitment ?? [])],
    control: [...(value.control ?? [])],
    labourSectors: [...(value.labourSectors ?? [])],
    sexualExploitation: [...(value.sexualExploitation ?? [])],
  };
}
