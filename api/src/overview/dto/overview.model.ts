import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A time range: from inclusive, to exclusive.' })
export class Period {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}

@ObjectType({ description: 'The Overview KPIs of one period. Null: no data to compute it from.' })
export class OverviewFigures {
  @Field(() => Int, { description: 'Inbound messages.' })
  inbound!: number;

  @Field(() => Int, { description: 'Inbound messages with at least one reply by a person of the brand.' })
  replied!: number;

  @Field(() => Float, { nullable: true, description: 'replied ÷ inbound, 0…1.' })
  responseRate!: number | null;

  @Field(() => Int, { description: 'Unanswered messages younger than the workspace SLA (measured now).' })
  pending!: number;

  @Field(() => Int, { description: 'Unanswered messages older than the workspace SLA (measured now).' })
  missed!: number;

  @Field(() => Int, { description: 'Inbound messages with a bot or automated reply (not counted as replied).' })
  botReplied!: number;

  @Field(() => Float, { nullable: true, description: 'Median first response time of replied messages, seconds.' })
  frtP50Seconds!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '90th percentile first response time of replied messages, seconds.',
  })
  frtP90Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: '(positive − negative) ÷ (positive + negative) × 100, −100…100.' })
  netSentiment!: number | null;

  @Field(() => Float, {
    description: 'Reach (impressions, else author followers) of negative public inbound messages.',
  })
  amplifiedNegativeReach!: number;

  @Field(() => Int, { description: 'Customers with an inbound message or a transaction in the period.' })
  activeCustomers!: number;

  @Field(() => Float, {
    description: 'Sum of transaction amounts in the period, refunds subtracted (workspace currency).',
  })
  historicalValue!: number;
}

@ObjectType({ description: 'One bucket of the Overview trend (hour, day, week or month, by the period length; UTC).' })
export class TrendPoint {
  @Field(() => Date, { description: 'Start of the bucket.' })
  bucket!: Date;

  @Field(() => Int)
  inbound!: number;

  @Field(() => Float, { nullable: true })
  responseRate!: number | null;

  @Field(() => Float, { nullable: true })
  netSentiment!: number | null;
}

@ObjectType()
export class Overview {
  @Field(() => Period)
  period!: Period;

  @Field(() => Period)
  comparePeriod!: Period;

  @Field(() => OverviewFigures)
  current!: OverviewFigures;

  @Field(() => OverviewFigures)
  previous!: OverviewFigures;

  @Field(() => [TrendPoint])
  trend!: TrendPoint[];
}
