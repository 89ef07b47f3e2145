import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../data/pagination';
import { ServiceExperience } from './service-value.model';

export enum ValuePopulation {
  CLV_RUN = 'clv_run',
  PURCHASE_COHORTS = 'purchase_cohorts',
}

registerEnumType(ValuePopulation, {
  name: 'ValuePopulation',
  description:
    'Whose figures: CLV_RUN, the customers of the latest CLV run (serviceValue: CLV and retention by service experience); PURCHASE_COHORTS, the customers of the first-purchase-month cohorts starting in the period (cohortRetention).',
});

@ObjectType({ description: 'A customer behind a value figure, with their service experience and value.' })
export class ValueCustomer {
  @Field()
  customerId!: string;

  @Field({ description: 'Segment ("" when unknown).' })
  segment!: string;

  @Field(() => ServiceExperience)
  experience!: ServiceExperience;

  @Field(() => String, {
    nullable: true,
    description: 'First purchase month, YYYY-MM (PURCHASE_COHORTS; null for CLV_RUN).',
  })
  cohort!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Predicted CLV of the latest CLV run; null when it has no value.',
  })
  predictedClv!: number | null;

  @Field(() => Float, { nullable: true, description: 'P(alive) of the latest CLV run; null when it has no value.' })
  pAlive!: number | null;

  @Field(() => Float, { nullable: true, description: 'Historical value (latest CLV run); null when it has no value.' })
  historicalValue!: number | null;
}

@ObjectType({ description: 'A page of the customers behind a value figure.' })
export class ValueCustomerPage {
  @Field(() => [ValueCustomer])
  nodes!: ValueCustomer[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Customers in the whole list: the figure's base (its customers count)." })
  totalCount!: number;
}
