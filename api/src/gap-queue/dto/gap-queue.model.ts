import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../data/pagination';

const ANALYST = 'Analyst role: null for viewer keys.';

@ObjectType({ description: 'A missed inbound message: unanswered and older than the workspace SLA.' })
export class GapQueueItem {
  @Field()
  interactionId!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Float, { description: 'Seconds since the message was written (at request time).' })
  ageSeconds!: number;

  @Field()
  brand!: string;

  @Field()
  channel!: string;

  @Field()
  isPublic!: boolean;

  @Field(() => String, { nullable: true, description: `The message. ${ANALYST}` })
  text!: string | null;

  @Field(() => String, { nullable: true, description: `Who wrote it. ${ANALYST}` })
  authorHandle!: string | null;

  @Field(() => Float, { nullable: true, description: 'Sentiment −1…1; null when unscored (ranked as neutral).' })
  sentiment!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Impressions where known, else the author's followers; null when neither is.",
  })
  reach!: number | null;

  @Field(() => String, { nullable: true, description: `The customer's id; null when unknown. ${ANALYST}` })
  customerId!: string | null;

  @Field(() => String, { nullable: true, description: `The customer's name. ${ANALYST}` })
  customerName!: string | null;

  @Field(() => String, { nullable: true, description: "The customer's segment; null when unknown." })
  customerSegment!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "The customer's predicted CLV (latest model run), else historical value; null without a customer.",
  })
  customerValue!: number | null;
}

@ObjectType({
  description: 'The gap queue, worst first: lowest sentiment, public, highest reach, highest customer value.',
})
export class GapQueuePage {
  @Field(() => [GapQueueItem])
  nodes!: GapQueueItem[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Missed messages in the whole queue (all pages).' })
  totalCount!: number;
}
