import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../../libs/platform/src/index.js';

const DEPARTMENTS: ApiPropertyOptions = { type: [String], example: ['08'], description: 'Departamentos (UBIGEO, 2 dígitos); vacío: nacional / departments; empty: national' };

/** GET /api/v1/me: who the token says the caller is, and what it may call. */
export class MeDto {
  @ApiProperty({ description: 'Sujeto opaco del token / opaque subject' }) subject: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty(DEPARTMENTS) departments: string[];
  @ApiProperty({ format: 'date-time', description: 'Vencimiento del token (exp) / token expiry' }) expiresAt: string;
  @ApiProperty({ type: [String], example: ['POST /api/v1/hotline-calls'], description: 'Endpoints permitidos a este rol / endpoints this role may call' })
  allowed: string[];
}

export class SignInDto {
  @ApiProperty({ description: 'El código del enlace de acceso (tras #code=) / the sign-in link\'s code (after #code=)' })
  @IsDefined() @IsString() @MaxLength(4096)
  code: string;
}

/** POST /api/v1/auth/sign-in: a bearer token for the session the link opened. */
export class SessionDto {
  @ApiProperty({ description: 'Token de acceso (Authorization: Bearer …) / bearer token' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty(DEPARTMENTS) departments: string[];
  @ApiProperty() subject: string;
}

export class OidcSettingsDto {
  @ApiProperty({ example: 'https://sso.example.gob.pe/realms/registro', description: 'Emisor (issuer) / issuer URL' }) authority: string;
  @ApiProperty({ example: 'registro-console' }) clientId: string;
  @ApiProperty({ example: 'openid' }) scope: string;
}

/** GET /api/v1/auth/config: how the console signs users in. */
export class AuthConfigDto {
  @ApiProperty({ enum: ['local', 'oidc'], description: 'local: enlaces de `npm run cli -- login-url`; oidc: el proveedor de identidad' })
  mode: 'local' | 'oidc';
  @ApiProperty({ type: OidcSettingsDto, nullable: true }) oidc: OidcSettingsDto | null;
}
