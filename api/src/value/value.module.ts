import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { ServiceEffectsService } from './service-effects.service';
import { ValueRepository } from './value.repository';
import { ValueResolver } from './value.resolver';
import { ValueService } from './value.service';

@Module({
  imports: [AuthModule, FilterModule],
  providers: [ValueResolver, ValueService, ServiceEffectsService, ValueRepository],
  // The customer CSV (export feature) pages through the same lists as valueCustomers.
  exports: [ValueService],
})
export class ValueModule {}
