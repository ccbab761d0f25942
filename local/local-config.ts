import type { AppConfigInput } from '../lambda/config/app-config.ts';

/** The configuration of the local run: made-up addresses, the sample's currency (pounds) and time zone. */
export const LOCAL_CONFIG: AppConfigInput = {
  sender: 'reports@segment-report.example',
  recipients: {
    executives: ['ceo@shop.example', 'cfo@shop.example'],
    dataTeam: ['data-team@shop.example'],
  },
  report: { locale: 'en', currency: 'GBP', timeZone: 'Europe/London', companyName: 'Online Retail (sample)' },
};
