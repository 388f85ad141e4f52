import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { caseNotFound, departmentOfUbigeo, InvalidCommand, networkNotFound } from '#domain';
import type { Actor } from '#platform';
import { queryNetworksOfCase } from '#read-models';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { NETWORK_CASE } from '../auth/department-scope.js';
import { NETWORK_AUDIT } from '../audit/personal-data-routes.js';
import { etag } from '../http/if-match.js';
import { CommandService } from '../shared/command-service.js';
import { newId, type HeaderMap } from '../shared/request-options.js';
import { DismantleNetworkDto, IdentifyNetworkDto, LinkCaseDto, LinkSuspectDto, NetworksOfCaseQueryDto } from './networks.dto.js';
import { NETWORK_COMMAND_SCHEMA, NETWORK_SCHEMA, NETWORKS_OF_CASE_SCHEMA } from './networks.schemas.js';

const networkIdPipe = new ParseUUIDPipe({ exceptionFactory: networkNotFound });
const READERS = ['police', 'prosecutor', 'judiciary', 'admin'] as const;
const caseProblem = (reason: string, reasonEn: string) => new InvalidCommand([{ field: 'caseId', reason, reasonEn }]);

/** Criminal networks (Meta 13): identified by the police, linked to cases and their suspects, dismantled. */
@ApiTags('criminal networks')
@Controller('networks')
export class NetworksController {
  constructor(
    private readonly commands: CommandService,
    private readonly dataSource: DataSource,
  ) {}

  @Access({ roles: ['police', 'admin'], scope: { places: [{ field: 'ubigeo', required: true }] } })
  @Post()
  @ApiOperation({ summary: 'Registrar una red criminal identificada / Record an identified criminal network' })
  @ApiCreatedResponse({ schema: NETWORK_COMMAND_SCHEMA })
  async identify(@Body() body: IdentifyNetworkDto, @Headers() headers: HeaderMap, @Res({ passthrough: true }) response: Response) {
    const answer = await this.commands.accept(
      'criminalNetwork',
      { type: 'IdentifyNetwork', data: { ...body, networkId: newId(body.networkId) } },
      headers,
    );
    response.setHeader('Location', `/api/v1/networks/${answer.networkId}`);
    return answer;
  }

  @Access({ roles: READERS })
  @Get()
  @ApiOperation({ summary: 'Redes a las que está vinculado un caso / Networks a case is linked to' })
  @ApiOkResponse({ schema: NETWORKS_OF_CASE_SCHEMA })
  async ofCase(@Query() query: NetworksOfCaseQueryDto, @CurrentActor() actor: Actor) {
    const caseId = query.caseId.toLowerCase();
    const { state } = await this.commands.read('policeCase', caseId);
    // A case outside the user's departments answers as a missing one, as GET /cases/{id} does.
    if (state.status === 'unregistered') throw caseNotFound();
    if (actor.departments.length > 0 && !actor.departments.includes(departmentOfUbigeo(state.ubigeo))) throw caseNotFound();
    return { caseId, networkIds: await queryNetworksOfCase(this.dataSource, caseId) };
  }

  @Access({ roles: READERS, audit: NETWORK_AUDIT })
  @Get(':networkId')
  @ApiOperation({ summary: 'Una red criminal / A criminal network' })
  @ApiOkResponse({ schema: NETWORK_SCHEMA })
  async get(@Param('networkId', networkIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const { state, version } = await this.commands.readExisting('criminalNetwork', id, networkNotFound);
    response.setHeader('ETag', etag(version));
    return { ...state, version };
  }

  @Access({ roles: ['police', 'admin'], scope: { reference: NETWORK_CASE } })
  @Post(':networkId/cases')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vincular un caso a la red / Link a case to the network' })
  @ApiOkResponse({ schema: NETWORK_COMMAND_SCHEMA })
  async linkCase(@Param('networkId', networkIdPipe) id: string, @Body() body: LinkCaseDto, @Headers() headers: HeaderMap) {
    const { state } = await this.commands.read('policeCase', body.caseId);
    if (state.status === 'unregistered') throw caseProblem('El caso no existe', 'The case does not exist');
    return this.commands.accept('criminalNetwork', { type: 'LinkCaseToNetwork', data: { networkId: id, ...body } }, headers);
  }

  @Access({ roles: ['police', 'admin'], scope: { reference: NETWORK_CASE } })
  @Post(':networkId/suspects')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vincular un sospechoso de un caso vinculado, con su rol / Link a suspect, with a role' })
  @ApiOkResponse({ schema: NETWORK_COMMAND_SCHEMA })
  async linkSuspect(@Param('networkId', networkIdPipe) id: string, @Body() body: LinkSuspectDto, @Headers() headers: HeaderMap) {
    const { state } = await this.commands.read('policeCase', body.caseId);
    if (state.status === 'unregistered') throw caseProblem('El caso no existe', 'The case does not exist');
    const suspectId = body.suspectId.toLowerCase();
    if (!state.suspects.some((suspect) => suspect.suspectId === suspectId && !suspect.voided)) {
      throw new InvalidCommand([{ field: 'suspectId', reason: 'No es un sospechoso del caso', reasonEn: 'Not a suspect of the case' }]);
    }
    return this.commands.accept('criminalNetwork', { type: 'LinkSuspectToNetwork', data: { networkId: id, ...body } }, headers);
  }

  @Access({ roles: ['police', 'admin'] })
  @Post(':networkId/dismantling')
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar la desarticulación de la red / Record the dismantling' })
  @ApiOkResponse({ schema: NETWORK_COMMAND_SCHEMA })
  dismantle(@Param('networkId', networkIdPipe) id: string, @Body() body: DismantleNetworkDto, @Headers() headers: HeaderMap) {
    return this.commands.accept('criminalNetwork', { type: 'DismantleNetwork', data: { networkId: id, ...body } }, headers);
  }
}
