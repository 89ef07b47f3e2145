import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GroupBy } from '../../response/dto/group-by.enum';

export enum TrendInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
}

registerEnumType(TrendInterval, {
  name: 'TrendInterval',
  description: 'Bucket of a trend, in UTC (weeks start on Monday).',
});

@ObjectType({
  description: 'Sentiment of a group of inbound messages. Shares are of scored messages; null when none is scored.',
})
export class SentimentFigures {
  @Field({ description: 'The group (see GroupBy), the bucket start (YYYY-MM-DD) in a trend, "" in the total row.' })
  key!: string;

  @Field(() => Int, { description: 'Inbound messages, scored or not.' })
  inbound!: number;

  @Field(() => Int, { description: 'Score ≥ 0.05.' })
  positive!: number;

  @Field(() => Int, { description: 'Score between −0.05 and 0.05.' })
  neutral!: number;

  @Field(() => Int, { description: 'Score ≤ −0.05.' })
  negative!: number;

  @Field(() => Int, { description: 'Messages without a score (not English, no text).' })
  unscored!: number;

  @Field(() => Float, { nullable: true })
  positiveShare!: number | null;

  @Field(() => Float, { nullable: true })
  neutralShare!: number | null;

  @Field(() => Float, { nullable: true })
  negativeShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean score of scored messages, −1…1.' })
  average!: number | null;

  @Field(() => Float, { nullable: true, description: '(positive − negative) ÷ (positive + negative) × 100, −100…100.' })
  netSentiment!: number | null;
}

@ObjectType({
  description:
    "Sentiment lift after a reply: for a replied inbound message, the customer's next inbound message in the same thread " +
    '(up to 30 days after the period) minus it.',
})
export class SentimentLift {
  @Field(() => Int, {
    description: 'Replied, scored messages followed by a scored message of the same customer in the thread.',
  })
  pairs!: number;

  @Field(() => Float, { nullable: true, description: 'Mean lift (next − replied), −2…2.' })
  averageLift!: number | null;

  @Field(() => Int)
  improved!: number;

  @Field(() => Int)
  worsened!: number;

  @Field(() => Float, { nullable: true, description: 'improved ÷ pairs.' })
  improvedShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'worsened ÷ pairs.' })
  worsenedShare!: number | null;
}

@ObjectType({
  description: 'Sentiment distribution, average, net sentiment, trend and lift after a reply over the period.',
})
export class SentimentReport {
  @Field(() => GroupBy, { nullable: true })
  groupBy!: GroupBy | null;

  @Field(() => [SentimentFigures], { description: 'One row per group, by key; empty without groupBy.' })
  rows!: SentimentFigures[];

  @Field(() => SentimentFigures)
  total!: SentimentFigures;

  @Field(() => TrendInterval)
  trendInterval!: TrendInterval;

  @Field(() => [SentimentFigures], { description: 'One point per bucket of the period, empty buckets included.' })
  trend!: SentimentFigures[];

  @Field(() => SentimentLift)
  lift!: SentimentLift;
}
