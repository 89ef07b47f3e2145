import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { ValueModule } from '../value/value.module';
import { ExportController } from './export.controller';
import { ExportRepository } from './export.repository';
import { ExportResolver } from './export.resolver';
import { ExportService } from './export.service';

@Module({
  imports: [AuthModule, FilterModule, ValueModule],
  controllers: [ExportController],
  providers: [ExportResolver, ExportService, ExportRepository],
})
export class ExportModule {}
