import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Estimate } from './service-value.model';

export enum PurchaseExperience {
  NO_CONTACT = 'no_contact',
  ANSWERED_FAST = 'answered_fast',
  ANSWERED_SLOW = 'answered_slow',
  MISSED = 'missed',
  MISSED_NEGATIVE = 'missed_negative',
}

registerEnumType(PurchaseExperience, {
  name: 'PurchaseExperience',
  description:
    "The service experience in force at a purchase: the outcome of the customer's latest decided opening message of " +
    'a thread to an own brand before it (answered fast: first reply within SLA/4; missed negative: no reply and ' +
    'sentiment ≤ −0.05). No such message yet: no contact.',
});

@ObjectType({
  description:
    'Order value under one experience ÷ order value of the same customers before any contact (within-customer ' +
    'regression of ln(amount), customer fixed effects), with a 95% bootstrap interval over customers.',
})
export class ServiceEffect {
  @Field(() => PurchaseExperience)
  experience!: PurchaseExperience;

  @Field(() => Float, {
    nullable: true,
    description: 'The ratio (no contact: 1, the reference). Null: no customer bought under it and under another.',
  })
  estimate!: number | null;

  @Field(() => Float, { nullable: true, description: '2.5th percentile of the bootstrap replicates.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: '97.5th percentile of the bootstrap replicates.' })
  high!: number | null;

  @Field(() => Int, {
    description: 'Customers with purchases under this experience who also bought under another (they inform it).',
  })
  customers!: number;

  @Field(() => Int, { description: 'Their purchases in the period under this experience.' })
  purchases!: number;
}

@ObjectType({
  description:
    'What service does to order value (DESIGN.md "Service experience"): each purchase in the period is compared with ' +
    "the same customer's other purchases, so the customer's spending level and segment cancel out.",
})
export class ServiceEffectsReport {
  @Field(() => Int, { description: 'Bootstrap replicates behind every interval.' })
  bootstrapSamples!: number;

  @Field(() => Int, {
    description: 'Customers who bought under two experiences or more: those who inform the estimates.',
  })
  customers!: number;

  @Field(() => [ServiceEffect])
  effects!: ServiceEffect[];

  @Field(() => Estimate, {
    description: 'Order value answered fast ÷ missed negative (the same regression), with its 95% bootstrap interval.',
  })
  upliftFastOverMissedNegative!: Estimate;
}
