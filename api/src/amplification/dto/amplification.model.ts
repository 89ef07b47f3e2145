import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_TOP_POSTS = 100;
export const DEFAULT_TOP_POSTS = 10;

@ArgsType()
export class AmplificationArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many most amplified posts, 1…${MAX_TOP_POSTS} (default ${DEFAULT_TOP_POSTS}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TOP_POSTS)
  top?: number | null;
}

@ObjectType({ description: 'A public inbound message and how far it spread.' })
export class AmplifiedPost {
  @Field()
  interactionId!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field()
  brand!: string;

  @Field()
  channel!: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it. Analyst role: null for viewer keys.' })
  authorHandle!: string | null;

  @Field(() => String, { nullable: true, description: 'The message. Analyst role: null for viewer keys.' })
  text!: string | null;

  @Field(() => Float, { nullable: true, description: 'Sentiment −1…1; null when unscored.' })
  sentiment!: number | null;

  @Field(() => Int)
  shares!: number;

  @Field(() => Int)
  quotes!: number;

  @Field(() => Int, { description: 'shares + quotes.' })
  amplification!: number;

  @Field(() => Float, { description: "Impressions where known, else the author's followers, else 0." })
  reach!: number;

  @Field({ description: 'A person of the brand replied.' })
  answered!: boolean;
}

@ObjectType({ description: 'How far public inbound messages of the period spread (DESIGN.md "Amplification").' })
export class AmplificationReport {
  @Field(() => Int, { description: 'Public inbound messages.' })
  publicMessages!: number;

  @Field(() => Float, { description: 'Shares (retweets, reposts), latest snapshot per post.' })
  shares!: number;

  @Field(() => Float)
  quotes!: number;

  @Field(() => Float, { description: 'shares + quotes.' })
  amplification!: number;

  @Field(() => Float, { description: "Sum of reach: impressions where known, else the author's followers." })
  reach!: number;

  @Field(() => Int, { description: 'Negative public inbound messages (sentiment ≤ −0.05).' })
  negativeMessages!: number;

  @Field(() => Float, { description: 'Reach of negative public inbound messages.' })
  amplifiedNegativeReach!: number;

  @Field(() => Float, { description: '…of those answered by a person of the brand.' })
  answeredNegativeReach!: number;

  @Field(() => Float, { description: '…of those unanswered and older than the SLA.' })
  missedNegativeReach!: number;

  @Field(() => Float, { description: '…of those unanswered and still within the SLA.' })
  pendingNegativeReach!: number;

  @Field(() => [AmplifiedPost], { description: 'Most amplified first (then highest reach).' })
  topPosts!: AmplifiedPost[];
}
