import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NETWORK_ALIAS_MAX_LENGTH, NETWORK_POLICE_UNIT_MAX_LENGTH, NETWORK_ROLES, type NetworkRole } from '#domain';

const INSTANT = { example: '2026-02-01T10:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };

export class IdentifyNetworkDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') networkId?: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() identifiedAt: string;
  @ApiProperty({ example: '1501', description: 'UBIGEO (2, 4 o 6 dígitos) / UBIGEO (2, 4 or 6 digits)' })
  @IsDefined()
  @IsString()
  ubigeo: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NETWORK_ALIAS_MAX_LENGTH, description: 'Sellado / sealed' })
  @IsOptional()
  @IsString()
  @MaxLength(NETWORK_ALIAS_MAX_LENGTH)
  alias?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NETWORK_POLICE_UNIT_MAX_LENGTH, description: 'Sellado / sealed' })
  @IsOptional()
  @IsString()
  @MaxLength(NETWORK_POLICE_UNIT_MAX_LENGTH)
  policeUnit?: string | null;
}

export class LinkCaseDto {
  @ApiProperty({ format: 'uuid' }) @IsDefined() @IsUUID('all') caseId: string;
  @ApiProperty(INSTANT) @IsDefined() @IsString() linkedAt: string;
}

export class LinkSuspectDto {
  @ApiProperty({ format: 'uuid' }) @IsDefined() @IsUUID('all') caseId: string;
  @ApiProperty({ format: 'uuid' }) @IsDefined() @IsUUID('all') suspectId: string;
  @ApiProperty({ enum: NETWORK_ROLES }) @IsDefined() @IsIn(NETWORK_ROLES) role: NetworkRole;
  @ApiProperty(INSTANT) @IsDefined() @IsString() linkedAt: string;
}

export class DismantleNetworkDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() dismantledAt: string;
}

export class NetworksOfCaseQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsDefined() @IsUUID('all') caseId: string;
}
