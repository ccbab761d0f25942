/** The bucket prefixes of a configuration that sets none: the defaults app-config.ts declares, read from it. */
import { type Prefixes, parseAppConfig } from '../../lambda/config/app-config.ts';

export const DEFAULT_PREFIXES: Prefixes = parseAppConfig({
  sender: 'reports@shop.example',
  recipients: { executives: ['ceo@shop.example'], dataTeam: ['data@shop.example'] },
}).prefixes;
