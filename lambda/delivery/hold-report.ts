/**
 * Holding a report the plausibility review found suspicious (issue 15): it is archived in full by the caller, as it
 * would be sent; here its hold record is written, the data team told why (each failed check with its numbers),
 * with a preview of the email attached and how to release or discard it, and the run's claim closed as `held`.
 * Nothing reaches the executives until a person releases it (held-report-decision.ts).
 */
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import { heldReportNotice } from '../report/notices/held-report-notice.ts';
import { previewHtml } from '../report/render/held-report-email.ts';
import type { RenderedReport } from '../report/render/render-report.ts';
import { formattersFor } from '../report/view-model/report-context.ts';
import type { ReportKind } from '../vocabulary/report-kind.ts';
import { type ApprovalAction, approvalKey } from './archive-layout.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { HeldClaim } from './held-claim.ts';
import { type HoldRecord, writeHoldRecord } from './hold-record.ts';
import type { PlausibilityReview } from './plausibility-review.ts';
import { tellDataTeam } from './tell-data-team.ts';

const HOUR_MS = 3_600_000;

/** The command line's name, as the data team types it. */
export const CLI_NAME = 'segment-report';

/** What is held: the run, its archive folder, its rendering and how its customers file travels. */
export interface ReportToHold {
  kind: ReportKind;
  runName: string;
  folder: string;
  subject: string;
  analysis: Analysis;
  review: PlausibilityReview;
  report: Pick<RenderedReport, 'subject' | 'html' | 'images'>;
  customers: HoldRecord['customers'];
}

export interface HeldOutcome {
  /** The data team's notice. */
  messageId: string;
  archive: string;
  runName: string;
  expiresAt: string;
}

/** Records the hold, tells the data team, then closes the claim as `held` (a retry stops there). */
export async function holdReport(
  context: DeliveryContext,
  claim: HeldClaim,
  held: ReportToHold,
): Promise<HeldOutcome> {
  const { store, config, logger } = context;
  const now = context.clock.now();
  const expires = new Date(now.getTime() + config.hold.expiryHours * HOUR_MS);
  const record: HoldRecord = {
    schemaVersion: 1,
    runName: held.runName,
    kind: held.kind,
    claimKey: claim.key,
    archive: held.folder,
    subject: held.subject,
    emailSubject: held.report.subject,
    findings: held.review.findings,
    firstReport: held.review.firstReport,
    heldAt: now.toISOString(),
    expiresAt: expires.toISOString(),
    images: held.report.images.map(({ cid, filename }) => ({ cid, filename })),
    customers: held.customers,
  };
  await writeHoldRecord(store, config.prefixes, record);
  const preview = `held-report-${held.runName}.html`;
  const notice = heldReportNotice(config.report.locale, formattersFor(held.analysis, config.report), {
    report: held.report.subject,
    location: `s3://${store.bucket}/${held.folder}`,
    findings: held.review.findings,
    firstReport: held.review.firstReport,
    ...decisionWords(context, held.runName),
    expires,
    preview,
  });
  const messageId = await tellDataTeam(context, notice, [
    {
      filename: preview,
      content: previewHtml(held.report.html, held.report.images),
      contentType: 'text/html',
    },
  ]);
  const checks = held.review.findings.map((finding) => finding.check);
  await claim.finish('held', checks.length > 0 ? `held: ${checks.join(', ')}` : 'held: first report');
  // Names, counts and checks only: the findings' numbers are the business's, not a customer's, but stay out of logs.
  logger.warn('report held for the data team', {
    kind: held.kind,
    run: held.runName,
    archive: held.folder,
    checks,
    firstReport: held.review.firstReport,
    expiresAt: record.expiresAt,
  });
  return { messageId, archive: held.folder, runName: held.runName, expiresAt: record.expiresAt };
}

/** How the notice tells the data team to release or discard the run: the command lines and the approval objects. */
function decisionWords(
  { store, config }: Pick<DeliveryContext, 'store' | 'config'>,
  runName: string,
): { release: string; discard: string; approval: string; discardApproval: string } {
  const object = (action: ApprovalAction) =>
    `s3://${store.bucket}/${approvalKey(config.prefixes, runName, action)}`;
  return {
    release: `${CLI_NAME} release ${runName}`,
    discard: `${CLI_NAME} discard ${runName} --reason "..."`,
    approval: object('release'),
    discardApproval: object('discard'),
  };
}
