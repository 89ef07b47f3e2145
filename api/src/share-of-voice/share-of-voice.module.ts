import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkspaceModule } from '../workspace/workspace.module';
import { ShareOfVoiceRepository } from './share-of-voice.repository';
import { ShareOfVoiceResolver } from './share-of-voice.resolver';
import { ShareOfVoiceService } from './share-of-voice.service';

@Module({
  imports: [AuthModule, WorkspaceModule],
  providers: [ShareOfVoiceResolver, ShareOfVoiceService, ShareOfVoiceRepository],
})
export class ShareOfVoiceModule {}
