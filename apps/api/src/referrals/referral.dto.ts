import { MinPositionParam } from '../shared/read-your-writes.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { REFERRAL_COMPLETION_REASONS, REFERRAL_DEADLINE_MAX_MINUTES, REFERRAL_DESTINATIONS } from '#domain';

const INSTANT = { example: '2025-03-14T10:00:00-05:00', description: 'ISO 8601 con zona horaria / with offset' };
const UBIGEO = /^(\d{2}|\d{4}|\d{6})$/;

export class SendReferralDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') referralId?: string;
  @ApiProperty({ enum: REFERRAL_DESTINATIONS }) @IsDefined() @IsIn(REFERRAL_DESTINATIONS) to: (typeof REFERRAL_DESTINATIONS)[number];
  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true }) @IsOptional() @IsString() @MaxLength(200) unitName?: string | null;
  @ApiPropertyOptional({ type: String, example: '150101', nullable: true }) @IsOptional() @IsString() @Matches(UBIGEO) ubigeo?:
    string | null;
  @ApiProperty(INSTANT) @IsDefined() @IsString() referredAt: string;
  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: REFERRAL_DEADLINE_MAX_MINUTES,
    example: 1440,
    description:
      'Plazo de respuesta en minutos; si falta, el configurado para el destino (REFERRAL_DEADLINES) / minutes to answer; absent: the configured deadline of the destination',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(REFERRAL_DEADLINE_MAX_MINUTES)
  deadlineMinutes?: number;
}

export class SendCaseReferralDto extends SendReferralDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Víctima derivada (p. ej. a un albergue) / victim referred' })
  @IsOptional()
  @IsUUID('all')
  victimId?: string;
}

export class AcceptReferralDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() acceptedAt: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all') linkedCaseId?: string | null;
}

export class RejectReferralDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() rejectedAt: string;
  @ApiProperty({ maxLength: 500 }) @IsDefined() @IsString() @MaxLength(500) reason: string;
}

export class CompleteReferralDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() completedAt: string;
  @ApiProperty() @IsDefined() @IsBoolean() successful: boolean;
  @ApiPropertyOptional({ enum: REFERRAL_COMPLETION_REASONS, nullable: true }) @IsOptional() @IsIn(REFERRAL_COMPLETION_REASONS) reason?:
    (typeof REFERRAL_COMPLETION_REASONS)[number] | null;
}

export class RevokeReferralDto {
  @ApiProperty(INSTANT) @IsDefined() @IsString() revokedAt: string;
  @ApiProperty({ maxLength: 500 }) @IsDefined() @IsString() @MaxLength(500) reason: string;
}

export class PendingReferralsQueryDto {
  @ApiPropertyOptional({
    enum: ['pending', 'accepted'],
    default: 'pending',
    description:
      'pending: sin respuesta, vencidas primero / unanswered, overdue first; accepted: aceptadas y nunca completadas, la aceptación más antigua primero / accepted and never completed, oldest acceptance first',
  })
  @IsOptional()
  @IsIn(['pending', 'accepted'])
  status?: 'pending' | 'accepted';
  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: 87_600,
    description: 'Solo las enviadas (accepted: aceptadas) hace más de N horas / only those sent (accepted: accepted) more than N hours ago',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(87_600)
  olderThanHours?: number;
  @ApiPropertyOptional({ enum: REFERRAL_DESTINATIONS }) @IsOptional() @IsIn(REFERRAL_DESTINATIONS) to?: string;
  @ApiPropertyOptional({ example: '15' }) @IsOptional() @Matches(/^(\d{2}|unknown)$/) department?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @MinPositionParam() minPosition?: number;
}

export class ReferralAcceptedDto {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty() version: number;
  @ApiProperty({
    description:
      'Posición global del último evento agregado; úsela como minPosition / global position of the last event appended; send it as minPosition',
  })
  position: number;
}
