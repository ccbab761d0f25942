// What the configuration tests share: the smallest valid configuration, and the message a wrong one is refused with.
import { expect } from 'vitest';
import { type AppConfigInput, parseAppConfig } from '../../lambda/config/app-config.ts';
import { InvalidOptionError } from '../../lambda/errors/input-errors.ts';

export const MINIMAL: AppConfigInput = {
  sender: 'reports@shop.example',
  recipients: { executives: ['ceo@shop.example'], dataTeam: ['data@shop.example'] },
};

/** The message parseAppConfig refuses the configuration with. */
export function refusal(config: unknown): string {
  try {
    parseAppConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}
