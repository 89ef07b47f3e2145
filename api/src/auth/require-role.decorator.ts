import { SetMetadata } from '@nestjs/common';
import type { Role } from '@resonance/sql';

export const REQUIRED_ROLE = 'resonance:required-role';

/** The least role a resolver or query needs; without it, viewer. */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);
