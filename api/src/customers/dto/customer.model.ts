import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageOf } from '../../data/pagination';

@ObjectType({ description: 'A customer as the search lists them.' })
export class CustomerSummary {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field()
  segment!: string;

  @Field()
  lifecycleStage!: string;

  @Field()
  country!: string;

  @Field(() => Date)
  firstSeenAt!: Date;
}

export const CustomerSearchPage = PageOf(CustomerSummary, 'CustomerSearchPage');

@ObjectType({ description: "A customer's handle on a channel." })
export class CustomerIdentity {
  @Field({ description: 'email, phone, twitter, facebook, whatsapp, …' })
  kind!: string;

  @Field()
  handle!: string;

  @Field(() => Int, { nullable: true, description: 'Followers of the handle, where known.' })
  followers!: number | null;
}

@ObjectType({ description: "A customer's value: what they spent, and what the latest CLV model predicts." })
export class CustomerValue {
  @Field(() => Int, { description: 'Transactions (purchases, invoices, refunds).' })
  transactions!: number;

  @Field(() => Float, { description: 'Sum of transaction amounts, refunds subtracted (workspace currency).' })
  historicalValue!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Predicted CLV over the horizon of the latest model run; null without a prediction.',
  })
  predictedClv!: number | null;

  @Field(() => Float, { nullable: true, description: 'Probability that the customer is still active (BG/NBD), 0…1.' })
  pAlive!: number | null;

  @Field(() => Float, { nullable: true, description: 'Expected purchases over the horizon.' })
  expectedPurchases!: number | null;

  @Field(() => String, { nullable: true, description: 'The model run the prediction comes from.' })
  modelRunId!: string | null;

  @Field(() => Date, { nullable: true })
  predictedAt!: Date | null;
}

export enum TimelineEventKind {
  MESSAGE = 'message',
  REPLY = 'reply',
  TRANSACTION = 'transaction',
}
registerEnumType(TimelineEventKind, {
  name: 'TimelineEventKind',
  description:
    'MESSAGE: the customer wrote; REPLY: the brand answered one of their messages; TRANSACTION: a purchase, invoice or refund.',
});

@ObjectType({ description: "One event of a customer's timeline; fields that do not apply to its kind are null." })
export class TimelineEvent {
  @Field(() => TimelineEventKind)
  kind!: TimelineEventKind;

  @Field(() => ID, { description: 'Interaction or transaction id from the source.' })
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  channel!: string | null;

  @Field(() => String, { nullable: true })
  brand!: string | null;

  @Field(() => Boolean, { nullable: true })
  isPublic!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "The customer's handle on a message; the agent (or bot) on a reply.",
  })
  author!: string | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => Float, { nullable: true, description: 'Sentiment score, −1…1.' })
  sentiment!: number | null;

  @Field(() => String, { nullable: true, description: 'On a reply: the message it answers.' })
  inReplyTo!: string | null;

  @Field(() => Date, { nullable: true, description: 'On a message: its first reply by a person of the brand.' })
  firstReplyAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'On a message: first response time in calendar seconds.' })
  firstResponseSeconds!: number | null;

  @Field(() => Date, { nullable: true, description: 'On a message: its first bot or automated reply.' })
  firstBotReplyAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'On a transaction: purchase, invoice or refund.' })
  transactionKind!: string | null;

  @Field(() => Float, { nullable: true, description: 'On a transaction: its amount as the source gave it.' })
  amount!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;
}

export const TimelinePage = PageOf(TimelineEvent, 'TimelinePage');

@ObjectType({ description: 'A customer with handles and value; the timeline is paginated.' })
export class Customer extends CustomerSummary {
  @Field(() => [CustomerIdentity])
  identities!: CustomerIdentity[];

  @Field(() => CustomerValue)
  value!: CustomerValue;
}
