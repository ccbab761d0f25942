/**
 * The data team's notices put file names, reasons and prefixes (all from S3 keys and the input) into HTML: every
 * one of them goes through the report's one escaping function, and reads literally in the plain text.
 */
import { describe, expect, it } from 'vitest';
import {
  missingFileNotice,
  noNewDataNotice,
  type Notice,
  notCsvNotice,
  rejectedFileNotice,
  uncertainDeliveryNotice,
} from '../../../lambda/report/notices/data-team-notice.ts';

const HOSTILE = `<script>alert(1)</script>"&'`;
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;';

const NOTICES: { name: string; notice: () => Notice; copies: number }[] = [
  {
    name: 'rejected file',
    notice: () =>
      rejectedFileNotice(
        'en',
        `in/${HOSTILE}.csv`,
        `reason ${HOSTILE}`,
        `errors/${HOSTILE}`,
        `advice ${HOSTILE}`,
      ),
    copies: 4,
  },
  {
    name: 'no new data',
    notice: () =>
      noNewDataNotice('fr', 'weekly', `2026-W47 ${HOSTILE}`, `in/${HOSTILE}/`, `in/${HOSTILE}.csv`),
    copies: 3,
  },
  {
    name: 'uncertain delivery',
    notice: () => uncertainDeliveryNotice('en', `report ${HOSTILE}`, `claims/${HOSTILE}`),
    copies: 2,
  },
  { name: 'missing file', notice: () => missingFileNotice('fr', `in/${HOSTILE}.csv`), copies: 1 },
  { name: 'not a CSV', notice: () => notCsvNotice('en', `in/${HOSTILE}.xlsx`, `in/${HOSTILE}/`), copies: 2 },
];

describe.each(NOTICES)('the $name notice', ({ notice, copies }) => {
  it('escapes every value in its HTML and keeps each literal in its text', () => {
    const { html, text } = notice();
    expect(html).not.toContain('<script>');
    expect(html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(copies);
    expect(text.split(HOSTILE).length - 1).toBeGreaterThanOrEqual(copies);
  });
});
