import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGGRAVATING_CIRCUMSTANCES,
  CASE_REASON_MAX_LENGTH,
  CASE_SOURCES,
  CONTROL_MEANS,
  DOCUMENT_TYPES,
  EXPLOITATION_PURPOSES,
  EXTERNAL_REFERENCE_MAX_LENGTH,
  ISIC_SECTIONS,
  MAX_PEOPLE_PER_OPERATION,
  MAX_TRANSIT_PLACES,
  OFFENCE_CODES,
  RECRUITMENT_METHODS,
  SEXES,
  SEXUAL_EXPLOITATION_TYPES,
  type CasePlace,
  type CasePlaces,
  type ExternalReferences,
} from '#domain';

const INSTANT = { example: '2025-03-15T09:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };
const PERSONAL = 'Dato personal: se guarda cifrado / personal data: stored sealed';

class PersonDto {
  @ApiProperty({ enum: SEXES }) @IsDefined() @IsIn(SEXES) sex: (typeof SEXES)[number];
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Edad a la fecha de los hechos / age at the facts' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number | null;
  @ApiProperty({ example: 'PE', description: 'ISO 3166-1 alfa-2 o "unknown"' })
  @IsDefined()
  @IsString()
  @Matches(/^([A-Z]{2}|unknown)$/)
  nationality: string;
}

export class VictimDto extends PersonDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') victimId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(200) fullName?:
    string | null;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES }) @IsOptional() @IsIn(DOCUMENT_TYPES) documentType?: (typeof DOCUMENT_TYPES)[number] | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(30) documentNumber?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(30) phone?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL }) @IsOptional() @IsString() @MaxLength(300) address?:
    string | null;
}

export class SuspectDto extends PersonDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') suspectId?: string;
  @ApiPropertyOptional({ type: String, example: 'captador', nullable: true }) @IsOptional() @IsString() @MaxLength(100) role?:
    string | null;
}

const UBIGEO_SHAPE = /^(\d{2}|\d{4}|\d{6})$/;
const COUNTRY_SHAPE = /^[A-Z]{2}$/;

/**
 * A place given as exactly one of `{ubigeo}` or `{country}`: otherwise a problem on the place itself
 * (`places.exploitation`), the constraint `isOnePlace` (validation-messages.ts words it).
 */
function IsOnePlace(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOnePlace',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown) {
          const one = (place: unknown) => {
            if (typeof place !== 'object' || place === null || Array.isArray(place)) return false;
            const given = place as Record<string, unknown>;
            return (given.ubigeo !== undefined && given.ubigeo !== null) !== (given.country !== undefined && given.country !== null);
          };
          if (value === undefined || value === null) return true;
          return Array.isArray(value) ? value.every(one) : one(value);
        },
      },
    });
}

/** A place in Peru (`{ubigeo}`: an INEI code of 2, 4 or 6 digits) or abroad (`{country}`: ISO 3166-1 alpha-2, not PE). */
export class PlaceDto {
  @ApiPropertyOptional({ example: '150101', description: 'UBIGEO de 2, 4 o 6 dígitos (en el Perú) / UBIGEO (in Peru)' })
  @ValidateIf((place: PlaceDto) => place.ubigeo !== undefined && place.ubigeo !== null)
  @IsString()
  @Matches(UBIGEO_SHAPE)
  ubigeo?: string;
  @ApiPropertyOptional({ example: 'CL', description: 'País ISO 3166-1 alfa-2 (en el extranjero; nunca PE) / country abroad (never PE)' })
  @ValidateIf((place: PlaceDto) => place.country !== undefined && place.country !== null)
  @IsString()
  @Matches(COUNTRY_SHAPE)
  country?: string;
}

export class PlacesDto {
  @ApiPropertyOptional({ type: PlaceDto, nullable: true, description: 'Lugar de captación / place of recruitment' })
  @IsOptional()
  @IsOnePlace()
  @ValidateNested()
  @Type(() => PlaceDto)
  recruitment?: PlaceDto | null;
  @ApiPropertyOptional({ type: [PlaceDto], description: 'Lugares de tránsito, en orden / transit places, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TRANSIT_PLACES)
  @IsOnePlace()
  @ValidateNested({ each: true })
  @Type(() => PlaceDto)
  transit?: PlaceDto[];
  @ApiPropertyOptional({ type: PlaceDto, nullable: true, description: 'Lugar de explotación / place of exploitation' })
  @IsOptional()
  @IsOnePlace()
  @ValidateNested()
  @Type(() => PlaceDto)
  exploitation?: PlaceDto | null;
}

/** The numbers other institutions gave the case (each ≤ 60 characters); null removes one (references route only). */
export class ExternalReferencesInputDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: EXTERNAL_REFERENCE_MAX_LENGTH, example: 'Atestado 045-2025-DIRCTPTIM' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(EXTERNAL_REFERENCE_MAX_LENGTH)
  policeReport?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: EXTERNAL_REFERENCE_MAX_LENGTH, example: 'CF 506014500-2025-123-0' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(EXTERNAL_REFERENCE_MAX_LENGTH)
  prosecutorFile?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: EXTERNAL_REFERENCE_MAX_LENGTH,
    example: 'Exp. 00123-2025-0-0801-JR-PE-01',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(EXTERNAL_REFERENCE_MAX_LENGTH)
  courtFile?: string | null;
}

/** The legal qualification and circumstances, as registered and as corrected (each list of codes of its catalog). */
class QualificationDto {
  @ApiPropertyOptional({
    enum: OFFENCE_CODES,
    isArray: true,
    description: 'Delitos, cada uno vigente en la fecha de los hechos / offences, each in force on the date of the facts',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OFFENCE_CODES.length)
  @IsIn(OFFENCE_CODES, { each: true })
  offences?: Array<(typeof OFFENCE_CODES)[number]>;
  @ApiPropertyOptional({ enum: AGGRAVATING_CIRCUMSTANCES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGGRAVATING_CIRCUMSTANCES.length)
  @IsIn(AGGRAVATING_CIRCUMSTANCES, { each: true })
  aggravatingCircumstances?: Array<(typeof AGGRAVATING_CIRCUMSTANCES)[number]>;
  @ApiPropertyOptional({ type: PlacesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlacesDto)
  places?: PlacesDto;
  @ApiPropertyOptional({ enum: RECRUITMENT_METHODS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECRUITMENT_METHODS.length)
  @IsIn(RECRUITMENT_METHODS, { each: true })
  recruitment?: Array<(typeof RECRUITMENT_METHODS)[number]>;
  @ApiPropertyOptional({ enum: CONTROL_MEANS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTROL_MEANS.length)
  @IsIn(CONTROL_MEANS, { each: true })
  control?: Array<(typeof CONTROL_MEANS)[number]>;
  @ApiPropertyOptional({ enum: ISIC_SECTIONS, isArray: true, description: 'Sección CIIU Rev. 4 / ISIC Rev. 4 section' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ISIC_SECTIONS.length)
  @IsIn(ISIC_SECTIONS, { each: true })
  labourSectors?: Array<(typeof ISIC_SECTIONS)[number]>;
  @ApiPropertyOptional({ enum: SEXUAL_EXPLOITATION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SEXUAL_EXPLOITATION_TYPES.length)
  @IsIn(SEXUAL_EXPLOITATION_TYPES, { each: true })
  sexualExploitation?: Array<(typeof SEXUAL_EXPLOITATION_TYPES)[number]>;
}

export class RegisterCaseDto extends QualificationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') caseId?: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() registeredAt: string;
  @ApiPropertyOptional({ type: String, ...INSTANT, nullable: true, description: 'Fecha de los hechos / date of the facts' })
  @IsOptional()
  @IsString()
  occurredAt?: string | null;
  @ApiProperty({ example: 'DIRCTPTIM Lima' }) @IsDefined() @IsString() @MaxLength(200) policeUnit: string;
  @ApiProperty({ example: '170101', description: 'UBIGEO del lugar de los hechos' })
  @IsDefined()
  @IsString()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/)
  ubigeo: string;
  @ApiProperty({ enum: CASE_SOURCES }) @IsDefined() @IsIn(CASE_SOURCES) source: (typeof CASE_SOURCES)[number];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all') referralId?: string | null;
  @ApiProperty({ enum: EXPLOITATION_PURPOSES, isArray: true })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(EXPLOITATION_PURPOSES, { each: true })
  purposes: Array<(typeof EXPLOITATION_PURPOSES)[number]>;
  @ApiProperty({ type: [VictimDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VictimDto)
  victims: VictimDto[];
  @ApiProperty({ type: [SuspectDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SuspectDto)
  suspects: SuspectDto[];
  @ApiPropertyOptional({ type: ExternalReferencesInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalReferencesInputDto)
  references?: ExternalReferencesInputDto;
}

export class AddVictimsDto {
  @ApiProperty({ type: [VictimDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VictimDto)
  victims: VictimDto[];
}

export class AddSuspectsDto {
  @ApiProperty({ type: [SuspectDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SuspectDto)
  suspects: SuspectDto[];
}

export class RecordOperationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') operationId?: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() conductedAt: string;
  @ApiProperty({ minimum: 0, maximum: MAX_PEOPLE_PER_OPERATION })
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE_PER_OPERATION)
  rescued: number;
  @ApiProperty({ minimum: 0, maximum: MAX_PEOPLE_PER_OPERATION })
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE_PER_OPERATION)
  detained: number;
}

export class ReferToProsecutorDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() referredAt: string;
  @ApiProperty({ example: 'Fiscalía Especializada en Trata de Personas de Lima' }) @IsDefined() @IsString() @MaxLength(200) office: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') prosecutionId?: string;
}

export class CloseCaseDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() closedAt: string;
  @ApiProperty({ maxLength: 500 }) @IsDefined() @IsString() @MaxLength(500) reason: string;
}

const REASON = {
  maxLength: CASE_REASON_MAX_LENGTH,
  example: 'Error de digitación en el atestado',
  description: 'Motivo (se guarda cifrado) / reason (stored sealed)',
};

/** The facts as corrected: only the fields given change (`occurredAt: null`: the date is not known). */
export class CaseFactChangesDto extends QualificationDto {
  @ApiPropertyOptional(INSTANT) @IsOptional() @IsString() registeredAt?: string;
  @ApiPropertyOptional({ type: String, ...INSTANT, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  occurredAt?: string | null;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) policeUnit?: string;
  @ApiPropertyOptional({ example: '170101' }) @IsOptional() @IsString() @Matches(UBIGEO_SHAPE) ubigeo?: string;
  @ApiPropertyOptional({ enum: EXPLOITATION_PURPOSES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(EXPLOITATION_PURPOSES, { each: true })
  purposes?: Array<(typeof EXPLOITATION_PURPOSES)[number]>;
}

export class CorrectCaseFactsDto {
  @ApiProperty({ type: CaseFactChangesDto }) @IsDefined() @ValidateNested() @Type(() => CaseFactChangesDto) changes: CaseFactChangesDto;
  @ApiProperty(REASON) @IsDefined() @IsString() @MinLength(1) @MaxLength(CASE_REASON_MAX_LENGTH) reason: string;
}

/** A victim's data as corrected; a personal field set to null is removed. */
export class VictimChangesDto {
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: (typeof SEXES)[number];
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number | null;
  @ApiPropertyOptional({ example: 'VE' }) @IsOptional() @IsString() @Matches(/^([A-Z]{2}|unknown)$/) nationality?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(200)
  fullName?: string | null;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(DOCUMENT_TYPES)
  documentType?: (typeof DOCUMENT_TYPES)[number] | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(30)
  documentNumber?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(30)
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PERSONAL })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(300)
  address?: string | null;
}

export class CorrectVictimDto {
  @ApiProperty({ type: VictimChangesDto }) @IsDefined() @ValidateNested() @Type(() => VictimChangesDto) changes: VictimChangesDto;
  @ApiProperty(REASON) @IsDefined() @IsString() @MinLength(1) @MaxLength(CASE_REASON_MAX_LENGTH) reason: string;
}

/** Voiding a victim or a suspect recorded by mistake. */
export class VoidPersonDto {
  @ApiProperty(REASON) @IsDefined() @IsString() @MinLength(1) @MaxLength(CASE_REASON_MAX_LENGTH) reason: string;
}

export class ReopenCaseDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() reopenedAt: string;
  @ApiProperty(REASON) @IsDefined() @IsString() @MinLength(1) @MaxLength(CASE_REASON_MAX_LENGTH) reason: string;
}

export class MarkSameFactsDto {
  @ApiProperty({ format: 'uuid', description: 'El caso que se mantiene en las estadísticas / the case the statistics keep' })
  @IsDefined()
  @IsUUID('all')
  sameAsCaseId: string;
  @ApiProperty(REASON) @IsDefined() @IsString() @MinLength(1) @MaxLength(CASE_REASON_MAX_LENGTH) reason: string;
}

/** A place as the command takes it: `{ubigeo}` or `{country}` (the DTO checked that exactly one is given). */
const casePlace = (place: PlaceDto): CasePlace => (place.ubigeo != null ? { ubigeo: place.ubigeo } : { country: String(place.country) });

/** The places of a body as the command takes them: only the roles given (null: unknown). */
export function casePlaces(places: PlacesDto): Partial<CasePlaces> {
  const roles: Partial<CasePlaces> = {};
  if (places.recruitment !== undefined) roles.recruitment = places.recruitment === null ? null : casePlace(places.recruitment);
  if (places.transit !== undefined) roles.transit = (places.transit ?? []).map(casePlace);
  if (places.exploitation !== undefined) roles.exploitation = places.exploitation === null ? null : casePlace(places.exploitation);
  return roles;
}

/** A registration's references: only those given (a null there is no reference). */
export function givenReferences(references: ExternalReferencesInputDto): ExternalReferences {
  return Object.fromEntries(Object.entries(references).filter(([, value]) => typeof value === 'string')) as ExternalReferences;
}
