import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { FilterInput } from '../filter/dto/filter.input';
import { ShareOfVoice } from './dto/share-of-voice.model';
import { ShareOfVoiceService } from './share-of-voice.service';

@Resolver(() => ShareOfVoice)
@UseGuards(ApiKeyGuard)
export class ShareOfVoiceResolver {
  constructor(private readonly shareOfVoiceService: ShareOfVoiceService) {}

  @Query(() => ShareOfVoice, {
    description: "Each brand's inbound mentions and share of all brands' mentions, overall and by sentiment class.",
  })
  shareOfVoice(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
  ): Promise<ShareOfVoice> {
    return this.shareOfVoiceService.shareOfVoice(workspaceId, filter);
  }
}
