/**
 * An approval object written under the approvals prefix (issue 15), for people without the command line:
 * `<run>.release` sends the held report of that run, `<run>.discard` discards it, the object's text (if any) kept
 * as the reason, and who wrote it (S3's principal) as who decided. The decision's own claim rules make a repeated
 * event harmless. A request that cannot be done tells the data team why; nothing is sent then.
 */
import { HeldReportDecisionError, ObjectNotFoundError } from '../errors/delivery-errors.ts';
import { approvalRefusedNotice } from '../report/notices/held-decision-notices.ts';
import { parseApprovalKey } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { type DecisionOutcome, decideHeldReport } from './held-report-decision.ts';
import { tellDataTeam } from './tell-data-team.ts';

/** The reason is read from the object's first bytes only: an approval is a word, not a file. */
const MAX_REASON_BYTES = 2_048;
const MAX_REASON_CHARS = 500;

export interface ApprovalObject {
  key: string;
  /** Who wrote the object, as S3's event names them (`AWS:AIDA...`). */
  principal?: string | undefined;
}

export type ApprovalOutcome = DecisionOutcome | { status: 'refused'; reason: string; messageId: string };

/** Acts on one approval object. */
export async function runApproval(
  context: DeliveryContext,
  object: ApprovalObject,
): Promise<ApprovalOutcome> {
  const { store, config, logger } = context;
  const location = `s3://${store.bucket}/${object.key}`;
  const refuse = async (reason: string): Promise<ApprovalOutcome> => {
    logger.warn('approval object not acted on', { key: object.key, reason });
    const messageId = await tellDataTeam(
      context,
      approvalRefusedNotice(config.report.locale, location, reason),
    );
    return { status: 'refused', reason, messageId };
  };
  const asked = parseApprovalKey(config.prefixes, object.key);
  if (asked === null) {
    return refuse(`its name says neither which run nor whether to release or discard it`);
  }
  const reason = await readReason(context, object);
  try {
    return await decideHeldReport(context, {
      run: asked.runName,
      action: asked.action,
      by: object.principal ?? `an object at ${location}`,
      reason,
    });
  } catch (error) {
    if (error instanceof HeldReportDecisionError) return refuse(error.message);
    throw error;
  }
}

/**
 * The object's text, trimmed and bounded; undefined when empty. The write is the request: the reason is read from
 * whichever version is there (two people writing the same approval at once), and is none if it is already gone.
 */
async function readReason(context: DeliveryContext, object: ApprovalObject): Promise<string | undefined> {
  let stream: AsyncIterable<Uint8Array>;
  try {
    stream = await context.store.readStream(object.key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    bytes += chunk.byteLength;
    if (bytes >= MAX_REASON_BYTES) break;
  }
  const text = Buffer.concat(chunks).subarray(0, MAX_REASON_BYTES).toString('utf8');
  // Control characters (a binary file dropped by mistake) are not a reason anyone wrote; line breaks are kept.
  const reason = [...text]
    .filter(
      (char) => char === '\n' || char === '\t' || (char >= ' ' && char !== '\u007f' && char !== '\ufffd'),
    )
    .join('')
    .trim()
    .slice(0, MAX_REASON_CHARS);
  return reason === '' ? undefined : reason;
}
