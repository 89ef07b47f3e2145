import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PageOf } from '../../data/pagination';

@ObjectType({
  description:
    'One inbound message with its reply facts, sentiment, reach, customer and segment: the rows behind the figures.',
})
export class MessageRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field()
  brand!: string;

  @Field()
  channel!: string;

  @Field()
  isPublic!: boolean;

  @Field(() => String, { nullable: true, description: 'Resolved customer; null when unknown.' })
  customerId!: string | null;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field({ description: "The author's handle." })
  author!: string;

  @Field()
  text!: string;

  @Field()
  lang!: string;

  @Field(() => Float, { nullable: true, description: 'Sentiment score, −1…1; null when not scored.' })
  sentiment!: number | null;

  @Field(() => String, { nullable: true, description: 'positive (≥ 0.05), negative (≤ −0.05) or neutral.' })
  sentimentClass!: string | null;

  @Field({ description: 'replied, pending (unanswered, younger than the SLA) or missed.' })
  status!: string;

  @Field(() => Date, { nullable: true })
  firstReplyAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'First response time, calendar seconds.' })
  replySeconds!: number | null;

  @Field(() => String, { nullable: true })
  replyAgent!: string | null;

  @Field(() => Date, { nullable: true })
  botReplyAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Shares (retweets, reposts) of the latest engagement snapshot.' })
  shares!: number | null;

  @Field(() => Float, { nullable: true })
  quotes!: number | null;

  @Field(() => Float, { nullable: true })
  impressions!: number | null;

  @Field(() => Float, { nullable: true, description: 'Impressions where known, else the author’s followers.' })
  reach!: number | null;
}

export const MessageRecordPage = PageOf(MessageRecord, 'MessageRecordPage');
