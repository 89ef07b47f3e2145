import { Module } from '@nestjs/common';
import { WorkspaceModule } from '../workspace/workspace.module';
import { FilterService } from './filter.service';

/** Import it in a feature whose queries take the Filter input and need workspace-aware defaults. */
@Module({ imports: [WorkspaceModule], providers: [FilterService], exports: [FilterService] })
export class FilterModule {}
