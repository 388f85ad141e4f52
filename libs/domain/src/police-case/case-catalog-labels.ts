import type { OffenceCategory } from './offences.js';
import type {
  AggravatingCircumstance,
  ControlMeans,
  ExternalReferenceKind,
  IsicSection,
  PlaceRole,
  RecruitmentMethod,
  SexualExploitationType,
} from './police-case.codes.js';

/**
 * Words for the codes of a case's legal qualification, in Spanish as Peruvian institutions write them (the Código
 * Penal's wording for the aggravating circumstances, INEI's CIIU Rev. 4 for the sectors) and in English. Each family is
 * a `Record<Code, …>`, so a code added to the catalog does not compile until it has its words. Reports, exports and the
 * console take their labels from here; docs/legal-catalog.md says where each code comes from.
 */
export interface CaseCatalogLabel {
  es: string;
  en: string;
}

export const AGGRAVATING_CIRCUMSTANCE_LABELS: Record<AggravatingCircumstance, CaseCatalogLabel> = {
  public_official: { es: 'Abuso del ejercicio de la función pública', en: 'Abuse of public office' },
  organization_member: {
    es: 'Promotor, integrante o representante de una organización social, tutelar o empresarial',
    en: 'Promoter, member or representative of a social, guardianship or business organization',
  },
  several_victims: { es: 'Pluralidad de víctimas', en: 'Several victims' },
  victim_minor: { es: 'Víctima menor de edad', en: 'Victim under 18' },
  victim_older_adult: { es: 'Víctima adulta mayor', en: 'Victim an older adult' },
  victim_disability: { es: 'Víctima con discapacidad', en: 'Victim with a disability' },
  victim_pregnant: { es: 'Víctima gestante', en: 'Victim pregnant' },
  family_or_care_tie: {
    es: 'Vínculo familiar, de tutela o de cuidado con la víctima, o convivencia en el mismo hogar',
    en: 'Family, guardianship or care tie with the victim, or living in the same household',
  },
  several_perpetrators: { es: 'Hecho cometido por dos o más personas', en: 'Committed by two or more persons' },
  criminal_organization: { es: 'Agente integrante de una organización criminal', en: 'Perpetrator part of a criminal organization' },
  victim_death: { es: 'Muerte de la víctima', en: 'Death of the victim' },
  serious_harm: {
    es: 'Lesión grave o peligro inminente para la vida o la seguridad de la víctima',
    en: "Serious injury or imminent danger to the victim's life or safety",
  },
};

export const RECRUITMENT_METHOD_LABELS: Record<RecruitmentMethod, CaseCatalogLabel> = {
  job_offer: { es: 'Oferta de trabajo', en: 'Job offer' },
  study_or_travel_offer: { es: 'Oferta de estudios o de viaje', en: 'Study or travel offer' },
  relative: { es: 'Familiar', en: 'Relative' },
  intimate_partner: { es: 'Pareja o enamorado', en: 'Intimate partner' },
  friend_or_acquaintance: { es: 'Amistad o conocido', en: 'Friend or acquaintance' },
  internet_or_app: { es: 'Internet, redes sociales o aplicaciones', en: 'Internet, social media or apps' },
  abduction: { es: 'Secuestro o rapto', en: 'Abduction' },
  sold_by_family: { es: 'Venta o entrega por la familia', en: 'Sold or handed over by the family' },
  other: { es: 'Otra modalidad', en: 'Other' },
};

export const CONTROL_MEANS_LABELS: Record<ControlMeans, CaseCatalogLabel> = {
  debt_bondage: { es: 'Servidumbre por deudas', en: 'Debt bondage' },
  takes_earnings: { es: 'Retención de sus ingresos', en: 'Takes earnings' },
  withheld_documents: { es: 'Retención de documentos de identidad', en: 'Withheld identity documents' },
  threats: { es: 'Amenazas', en: 'Threats' },
  physical_violence: { es: 'Violencia física', en: 'Physical violence' },
  sexual_violence: { es: 'Violencia sexual', en: 'Sexual violence' },
  psychological_abuse: { es: 'Violencia psicológica', en: 'Psychological abuse' },
  false_promises: { es: 'Engaño o falsas promesas', en: 'False promises' },
  psychoactive_substances: { es: 'Suministro de alcohol o drogas', en: 'Alcohol or drugs' },
  restricted_movement: { es: 'Restricción de la libertad de desplazamiento', en: 'Restricted movement' },
  isolation: { es: 'Aislamiento', en: 'Isolation' },
  withheld_necessities: { es: 'Privación de alimentos, descanso o atención médica', en: 'Withheld food, rest or medical care' },
  threat_of_authorities: {
    es: 'Amenaza de denuncia ante las autoridades (migratorias, policiales)',
    en: 'Threat of reporting to the authorities (immigration, police)',
  },
  excessive_hours: { es: 'Jornadas de trabajo excesivas', en: 'Excessive working hours' },
  other: { es: 'Otro medio', en: 'Other' },
};

/** ISIC Rev. 4 sections; Spanish as in INEI's CIIU Rev. 4 (Clasificación Industrial Internacional Uniforme). */
export const ISIC_SECTION_LABELS: Record<IsicSection, CaseCatalogLabel> = {
  A: { es: 'Agricultura, ganadería, silvicultura y pesca', en: 'Agriculture, forestry and fishing' },
  B: { es: 'Explotación de minas y canteras', en: 'Mining and quarrying' },
  C: { es: 'Industrias manufactureras', en: 'Manufacturing' },
  D: { es: 'Suministro de electricidad, gas, vapor y aire acondicionado', en: 'Electricity, gas, steam and air conditioning supply' },
  E: {
    es: 'Suministro de agua; evacuación de aguas residuales, gestión de desechos y descontaminación',
    en: 'Water supply; sewerage, waste management and remediation activities',
  },
  F: { es: 'Construcción', en: 'Construction' },
  G: {
    es: 'Comercio al por mayor y al por menor; reparación de vehículos automotores y motocicletas',
    en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  },
  H: { es: 'Transporte y almacenamiento', en: 'Transportation and storage' },
  I: { es: 'Actividades de alojamiento y de servicio de comidas', en: 'Accommodation and food service activities' },
  J: { es: 'Información y comunicaciones', en: 'Information and communication' },
  K: { es: 'Actividades financieras y de seguros', en: 'Financial and insurance activities' },
  L: { es: 'Actividades inmobiliarias', en: 'Real estate activities' },
  M: { es: 'Actividades profesionales, científicas y técnicas', en: 'Professional, scientific and technical activities' },
  N: { es: 'Actividades de servicios administrativos y de apoyo', en: 'Administrative and support service activities' },
  O: {
    es: 'Administración pública y defensa; planes de seguridad social de afiliación obligatoria',
    en: 'Public administration and defence; compulsory social security',
  },
  P: { es: 'Enseñanza', en: 'Education' },
  Q: { es: 'Actividades de atención de la salud humana y de asistencia social', en: 'Human health and social work activities' },
  R: { es: 'Actividades artísticas, de entretenimiento y recreativas', en: 'Arts, entertainment and recreation' },
  S: { es: 'Otras actividades de servicios', en: 'Other service activities' },
  T: {
    es: 'Actividades de los hogares como empleadores (trabajo doméstico); actividades no diferenciadas de los hogares como productores de bienes y servicios para uso propio',
    en: 'Activities of households as employers (domestic work); undifferentiated goods- and services-producing activities of households for own use',
  },
  U: { es: 'Actividades de organizaciones y órganos extraterritoriales', en: 'Activities of extraterritorial organizations and bodies' },
};

export const SEXUAL_EXPLOITATION_TYPE_LABELS: Record<SexualExploitationType, CaseCatalogLabel> = {
  prostitution: { es: 'Prostitución', en: 'Prostitution' },
  pornography: { es: 'Pornografía', en: 'Pornography' },
  remote_interactive_services: {
    es: 'Servicios sexuales a distancia (cámara web, transmisión en vivo)',
    en: 'Remote interactive sexual services (webcam, live streaming)',
  },
  private_sexual_services: { es: 'Servicios sexuales privados', en: 'Private sexual services' },
  sexual_tourism: { es: 'Explotación sexual en el ámbito de viajes y turismo', en: 'Sexual exploitation in travel and tourism' },
  other: { es: 'Otra forma', en: 'Other' },
};

export const OFFENCE_CATEGORY_LABELS: Record<OffenceCategory, CaseCatalogLabel> = {
  trafficking: { es: 'Trata de personas', en: 'Trafficking in persons' },
  trafficking_aggravated: { es: 'Formas agravadas de la trata de personas', en: 'Aggravated trafficking in persons' },
  sexual_exploitation: { es: 'Explotación sexual', en: 'Sexual exploitation' },
  slavery_and_other_exploitation: { es: 'Esclavitud y otras formas de explotación', en: 'Slavery and other forms of exploitation' },
  forced_labour: { es: 'Trabajo forzoso', en: 'Forced labour' },
  migrant_smuggling: { es: 'Tráfico ilícito de migrantes', en: 'Migrant smuggling' },
  migrant_smuggling_aggravated: { es: 'Formas agravadas del tráfico ilícito de migrantes', en: 'Aggravated migrant smuggling' },
};

export const PLACE_ROLE_LABELS: Record<PlaceRole, CaseCatalogLabel> = {
  recruitment: { es: 'Lugar de captación', en: 'Place of recruitment' },
  transit: { es: 'Lugar de tránsito', en: 'Place of transit' },
  exploitation: { es: 'Lugar de explotación', en: 'Place of exploitation' },
};

export const EXTERNAL_REFERENCE_KIND_LABELS: Record<ExternalReferenceKind, CaseCatalogLabel> = {
  policeReport: { es: 'N.° de denuncia policial', en: 'Police report number' },
  prosecutorFile: { es: 'N.° de carpeta fiscal', en: "Prosecutor's case file number" },
  courtFile: { es: 'N.° de expediente judicial', en: 'Court file number' },
};
