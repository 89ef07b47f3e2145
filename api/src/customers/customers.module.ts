import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CustomersRepository } from './customers.repository';
import { CustomersResolver } from './customers.resolver';
import { CustomersService } from './customers.service';

@Module({ imports: [AuthModule], providers: [CustomersResolver, CustomersService, CustomersRepository] })
export class CustomersModule {}
