// The sender's display name in the job configuration: a default, a configured name kept as given, and a name that
// could break out of the From header (a line break, a quote) refused at start-up with the option named.
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { MINIMAL, refusal } from './config-refusal.ts';

const REFUSAL =
  'configuration: senderName: must be one line without quotes, backslashes or control characters';

describe('the sender name in the configuration', () => {
  it('is "Segment report" by default', () => {
    expect(parseAppConfig(MINIMAL).senderName).toBe('Segment report');
  });

  it.each(['Customer insights', 'Rapport clients — Café & Co, Paris', 'Reports <team> (weekly)'])(
    'keeps %s as given: the mailer encodes it',
    (senderName) => {
      expect(parseAppConfig({ ...MINIMAL, senderName }).senderName).toBe(senderName);
    },
  );

  it.each([
    ['a CR LF and a header after it', 'Reports\r\nBcc: spy@evil.example'],
    ['a bare line feed', 'Reports\nReply-To: spy@evil.example'],
    ['a bare carriage return', 'Reports\rX-Injected: 1'],
    ['a double quote', 'Reports" <spy@evil.example>, "x'],
    ['a backslash', 'Reports\\'],
    ['a tab', 'Reports\tweekly'],
    ['a NUL', 'Reports\u0000'],
    ['a Unicode line separator', 'Reports\u2028Bcc: spy@evil.example'],
  ])('refuses a name with %s, naming the option', (_, senderName) => {
    expect(refusal({ ...MINIMAL, senderName })).toBe(REFUSAL);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('refuses an %s name', (_, senderName) => {
    expect(refusal({ ...MINIMAL, senderName })).toBe('configuration: senderName: must not be empty');
  });

  it('refuses a name longer than 64 characters', () => {
    expect(refusal({ ...MINIMAL, senderName: 'R'.repeat(65) })).toBe(
      'configuration: senderName: must be at most 64 characters',
    );
  });
});
