import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { NetworksController } from './networks.controller.js';

@Module({ imports: [AuthModule], controllers: [NetworksController] })
export class NetworksModule {}
