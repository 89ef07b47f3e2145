import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GroupBy } from './group-by.enum';

@ObjectType({ description: 'Response figures of one group of inbound messages. Null: nothing to compute it from.' })
export class ResponseFigures {
  @Field({ description: 'The group (see GroupBy); "" in the total row.' })
  key!: string;

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

  @Field(() => Float, { nullable: true, description: 'Median first response time, calendar seconds.' })
  frtP50Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile first response time, calendar seconds.' })
  frtP90Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile first response time, calendar seconds.' })
  frtP95Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean first response time, calendar seconds.' })
  frtMeanSeconds!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Median first response time in the workspace's business hours, seconds.",
  })
  businessFrtP50Seconds!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '90th percentile first response time in business hours, seconds.',
  })
  businessFrtP90Seconds!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '95th percentile first response time in business hours, seconds.',
  })
  businessFrtP95Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean first response time in business hours, seconds.' })
  businessFrtMeanSeconds!: number | null;
}

@ObjectType({ description: 'Response rate and first response times over the period, per group and in total.' })
export class ResponseReport {
  @Field(() => GroupBy, { nullable: true })
  groupBy!: GroupBy | null;

  @Field(() => [ResponseFigures], { description: 'One row per group, by key; empty without groupBy.' })
  rows!: ResponseFigures[];

  @Field(() => ResponseFigures)
  total!: ResponseFigures;
}
