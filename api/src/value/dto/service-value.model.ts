import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ServiceExperience {
  NO_CONTACT = 'no_contact',
  ANSWERED_FAST = 'answered_fast',
  ANSWERED_SLOW = 'answered_slow',
  MISSED = 'missed',
}

registerEnumType(ServiceExperience, {
  name: 'ServiceExperience',
  description:
    "A customer's service experience over the period: the outcome of their latest decided inbound message to an own " +
    'brand (DESIGN.md). Answered fast: first reply within SLA/4; missed: no reply after the SLA; pending messages decide nothing.',
});

@ObjectType({ description: 'An estimate with its 95% bootstrap interval. Null: no customers to estimate from.' })
export class Estimate {
  @Field(() => Float, { nullable: true })
  estimate!: number | null;

  @Field(() => Float, { nullable: true, description: '2.5th percentile of the bootstrap replicates.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: '97.5th percentile of the bootstrap replicates.' })
  high!: number | null;
}

@ObjectType({ description: 'Value figures of the customers of one segment (or all) with one service experience.' })
export class ServiceValueRow {
  @Field({ description: 'Segment; "" = all segments together.' })
  segment!: string;

  @Field(() => ServiceExperience)
  experience!: ServiceExperience;

  @Field(() => Int)
  customers!: number;

  @Field(() => Estimate, { description: 'Mean predicted CLV (latest CLV run, its horizon and discount).' })
  clv!: Estimate;

  @Field(() => Estimate, { description: 'Share of customers with a repeat purchase in the calibration period.' })
  repeatPurchaseRate!: Estimate;

  @Field(() => Estimate, { description: 'Retention: mean P(alive) at the calibration end (BG/NBD).' })
  retention!: Estimate;
}

@ObjectType({ description: 'Answered (fast or slow) minus missed customers, one segment or all.' })
export class ServiceUplift {
  @Field({ description: 'Segment; "" = all segments together.' })
  segment!: string;

  @Field(() => Estimate, { description: 'Mean CLV of answered customers minus that of missed customers.' })
  clv!: Estimate;

  @Field(() => Estimate)
  repeatPurchaseRate!: Estimate;

  @Field(() => Estimate)
  retention!: Estimate;
}

@ObjectType({ description: 'Predicted CLV quantiles of one segment.' })
export class ClvDistribution {
  @Field()
  segment!: string;

  @Field(() => Int)
  customers!: number;

  @Field(() => [Float], { description: '10th, 25th, 50th, 75th and 90th percentiles of predicted CLV.' })
  quantiles!: number[];
}

@ObjectType({ description: 'A customer with a missed negative message in the period (DESIGN.md "value at risk").' })
export class CustomerAtRisk {
  @Field()
  customerId!: string;

  @Field()
  segment!: string;

  @Field(() => Float, { description: 'Predicted CLV (latest CLV run).' })
  predictedClv!: number;

  @Field(() => Float, { description: 'P(alive) at the calibration end of the latest CLV run.' })
  pAlive!: number;

  @Field(() => Int, { description: 'Missed negative messages in the period.' })
  missedNegativeMessages!: number;

  @Field(() => Date, { description: 'When the latest of them was written.' })
  lastMissedAt!: Date;

  @Field({ description: 'The latest missed negative message (interaction id).' })
  lastInteractionId!: string;

  @Field()
  lastChannel!: string;
}

@ObjectType({ description: 'A first-purchase-month cohort of customers with one service experience over the period.' })
export class CohortRetention {
  @Field({ description: 'First purchase month, YYYY-MM.' })
  cohort!: string;

  @Field(() => ServiceExperience)
  experience!: ServiceExperience;

  @Field(() => Int, { description: 'Customers in the cohort with this experience.' })
  customers!: number;

  @Field(() => [Float], {
    description:
      'Share of them purchasing k months after the cohort month, k = 0 … the last month of the period (k = 0 is 1).',
  })
  retention!: number[];
}

@ObjectType({ description: 'Service→value: what service experience is worth, per segment (DESIGN.md).' })
export class ServiceValueReport {
  @Field(() => String, {
    nullable: true,
    description: 'The CLV model run used; null before the first `resonance fit`.',
  })
  runId!: string | null;

  @Field(() => Int, { description: 'Bootstrap replicates behind every interval.' })
  bootstrapSamples!: number;

  @Field(() => [ServiceValueRow])
  rows!: ServiceValueRow[];

  @Field(() => [ServiceUplift])
  uplift!: ServiceUplift[];

  @Field(() => [ClvDistribution])
  distribution!: ClvDistribution[];

  @Field(() => Float, {
    description: 'Value at risk: predicted CLV of customers with a missed negative message in the period.',
  })
  valueAtRisk!: number;

  @Field(() => Int, { description: 'Customers with a missed negative message in the period.' })
  customersAtRisk!: number;
}
