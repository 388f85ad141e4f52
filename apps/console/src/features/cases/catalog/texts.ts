import type { Dictionary } from '../../../i18n/i18n.js';

/** The words of a case's qualification, shared by the registration form, the correction dialog and the case view. */
interface QualificationTexts {
  qualification: string;
  offences: string;
  offencesHint: (date: string) => string;
  offencesNoDate: string;
  aggravatingCircumstances: string;
  places: string;
  placesHint: string;
  recruitmentPlace: string;
  transitPlaces: string;
  transitPlace: (n: number) => string;
  addTransit: string;
  removeTransit: (n: number) => string;
  exploitationPlace: string;
  where: (place: string) => string;
  inPeru: string;
  abroad: string;
  country: string;
  recruitment: string;
  control: string;
  labourSectors: string;
  labourSectorsHint: string;
  sexualExploitation: string;
  references: string;
  pick: string;
  none: string;
}

export const qualificationTexts: Dictionary<QualificationTexts> = {
  es: {
    qualification: 'Calificación',
    offences: 'Delitos',
    offencesHint: (date) => `Los tipificados en la ley vigente al ${date}`,
    offencesNoDate: 'Indique la fecha de registro para ver los delitos vigentes',
    aggravatingCircumstances: 'Circunstancias agravantes',
    places: 'Lugares',
    placesHint: 'Donde se captó a la víctima, por donde pasó y donde fue explotada; en el Perú o en el extranjero',
    recruitmentPlace: 'Lugar de captación',
    transitPlaces: 'Lugares de tránsito',
    transitPlace: (n) => `Lugar de tránsito ${n}`,
    addTransit: 'Añadir lugar de tránsito',
    removeTransit: (n) => `Quitar lugar de tránsito ${n}`,
    exploitationPlace: 'Lugar de explotación',
    where: (place) => `${place}: en el Perú o en el extranjero`,
    inPeru: 'En el Perú',
    abroad: 'En el extranjero',
    country: 'País',
    recruitment: 'Modalidad de captación',
    control: 'Medios de control',
    labourSectors: 'Sector económico de la explotación laboral',
    labourSectorsHint: 'Sección de la CIIU Rev. 4',
    sexualExploitation: 'Tipo de explotación sexual',
    references: 'Referencias externas',
    pick: 'Escriba para buscar; Enter para elegir',
    none: '—',
  },
  en: {
    qualification: 'Qualification',
    offences: 'Offences',
    offencesHint: (date) => `Those defined by the law in force on ${date}`,
    offencesNoDate: 'Give the registration date to see the offences in force',
    aggravatingCircumstances: 'Aggravating circumstances',
    places: 'Places',
    placesHint: 'Where the victim was recruited, moved through and exploited; in Peru or abroad',
    recruitmentPlace: 'Place of recruitment',
    transitPlaces: 'Transit places',
    transitPlace: (n) => `Transit place ${n}`,
    addTransit: 'Add a transit place',
    removeTransit: (n) => `Remove transit place ${n}`,
    exploitationPlace: 'Place of exploitation',
    where: (place) => `${place}: in Peru or abroad`,
    inPeru: 'In Peru',
    abroad: 'Abroad',
    country: 'Country',
    recruitment: 'Recruitment method',
    control: 'Means of control',
    labourSectors: 'Economic sector of the labour exploitation',
    labourSectorsHint: 'ISIC Rev. 4 section',
    sexualExploitation: 'Type of sexual exploitation',
    references: 'External references',
    pick: 'Type to search; Enter to choose',
    none: '—',
  },
};
