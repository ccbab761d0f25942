/** The messages of each language of the report, declared once for the view model and the data team's notices. */
import type { ReportLocale } from '../report-settings.ts';
import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_FR } from './messages-fr.ts';
import type { Messages } from './messages.ts';

const MESSAGES: Record<ReportLocale, Messages> = { en: MESSAGES_EN, fr: MESSAGES_FR };

/** Every string of the report in `locale`. */
export function messagesOf(locale: ReportLocale): Messages {
  return MESSAGES[locale];
}
