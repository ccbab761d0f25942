/**
 * The default playbook: one strategy per RFM segment, the same strategies for the K-means cluster names that mean
 * the same thing, and a default for any other group (customer-table clusters named after their features).
 * Investment per customer and expected uplift are stated assumptions, printed under the budget table; a
 * configuration overrides any field of any entry (see `mergePlaybook`). No priority here: the report derives it
 * from each plan's expected net return, unless a configuration pins one.
 */
import type { Playbook, Strategy } from './strategy.ts';

const t = (en: string, fr: string) => ({ en, fr });

const EMAIL = t('Email', 'E-mail');
const EMAIL_AND_PHONE = t('Email and phone call', 'E-mail et appel téléphonique');
const EMAIL_AND_SMS = t('Email and SMS', 'E-mail et SMS');
const WEEKLY = t('Weekly', 'Hebdomadaire');
const EVERY_TWO_WEEKS = t('Every two weeks', 'Toutes les deux semaines');
const MONTHLY = t('Monthly', 'Mensuelle');
const QUARTERLY = t('Quarterly', 'Trimestrielle');

const champions: Strategy = {
  objective: ['frequency'],
  actions: [
    t(
      'Invite to a VIP programme with early access to new products',
      'Inviter au programme VIP avec accès anticipé aux nouveautés',
    ),
    t('Ask for reviews and referrals', 'Demander des avis et des parrainages'),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Grateful and exclusive', 'Reconnaissant et exclusif'),
  investmentPerCustomer: 20,
  expectedUplift: 0.02,
};

const loyal: Strategy = {
  objective: ['monetary'],
  actions: [
    t(
      'Recommend higher-value and complementary products',
      'Recommander des produits complémentaires et de gamme supérieure',
    ),
    t(
      'Offer loyalty points on baskets above the average order',
      'Offrir des points de fidélité au-delà du panier moyen',
    ),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Personal and appreciative', 'Personnel et reconnaissant'),
  investmentPerCustomer: 10,
  expectedUplift: 0.03,
};

const potentialLoyalists: Strategy = {
  objective: ['frequency', 'monetary'],
  actions: [
    t('Offer a membership or subscription', 'Proposer une adhésion ou un abonnement'),
    t('Cross-sell from their last purchase', 'Proposer des ventes croisées liées au dernier achat'),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Encouraging', 'Encourageant'),
  investmentPerCustomer: 8,
  expectedUplift: 0.05,
};

const newCustomers: Strategy = {
  objective: ['frequency'],
  actions: [
    t(
      'Send an onboarding series with a second-order incentive',
      'Envoyer une série de bienvenue avec une incitation au deuxième achat',
    ),
  ],
  channel: EMAIL,
  frequency: WEEKLY,
  tone: t('Welcoming', 'Accueillant'),
  investmentPerCustomer: 5,
  expectedUplift: 0.1,
};

const promising: Strategy = {
  objective: ['frequency', 'monetary'],
  actions: [
    t(
      'Build brand awareness with best-sellers and free-shipping thresholds',
      'Faire connaître la marque : meilleures ventes et seuil de livraison offerte',
    ),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Friendly', 'Chaleureux'),
  investmentPerCustomer: 5,
  expectedUplift: 0.05,
};

const needAttention: Strategy = {
  objective: ['recency', 'frequency'],
  actions: [
    t(
      'Send limited-time offers based on past purchases',
      'Envoyer des offres à durée limitée selon les achats passés',
    ),
  ],
  channel: EMAIL_AND_SMS,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Helpful', 'Serviable'),
  investmentPerCustomer: 6,
  expectedUplift: 0.04,
};

const aboutToSleep: Strategy = {
  objective: ['recency'],
  actions: [
    t(
      'Recommend popular products and a reactivation discount',
      'Recommander les produits populaires avec une remise de réactivation',
    ),
  ],
  channel: EMAIL,
  frequency: MONTHLY,
  tone: t('Reminding', 'Rappel bienveillant'),
  investmentPerCustomer: 4,
  expectedUplift: 0.03,
};

const atRisk: Strategy = {
  objective: ['recency'],
  actions: [
    t(
      'Send personalised win-back emails with a time-limited offer',
      'Envoyer des e-mails de reconquête personnalisés avec une offre limitée',
    ),
    t('Ask what went wrong in a short survey', 'Demander ce qui n’a pas convenu par un court questionnaire'),
  ],
  channel: EMAIL_AND_SMS,
  frequency: WEEKLY,
  tone: t('Personal and attentive', 'Personnel et attentif'),
  investmentPerCustomer: 12,
  expectedUplift: 0.05,
};

const cantLoseThem: Strategy = {
  objective: ['recency'],
  actions: [
    t(
      'Call them and win them back with renewals or new products',
      'Les appeler et les reconquérir avec des renouvellements ou des nouveautés',
    ),
    t('Offer a dedicated account contact', 'Proposer un interlocuteur dédié'),
  ],
  channel: EMAIL_AND_PHONE,
  frequency: WEEKLY,
  tone: t('Personal, high-touch', 'Personnel et très attentionné'),
  investmentPerCustomer: 30,
  expectedUplift: 0.08,
};

const hibernating: Strategy = {
  objective: ['recency'],
  actions: [
    t('Include in seasonal campaigns at low cost', 'Inclure dans les campagnes saisonnières à faible coût'),
  ],
  channel: EMAIL,
  frequency: QUARTERLY,
  tone: t('Light', 'Léger'),
  investmentPerCustomer: 2,
  expectedUplift: 0.02,
};

const lost: Strategy = {
  objective: ['recency'],
  actions: [
    t(
      'One reactivation attempt, then stop spending',
      'Une tentative de réactivation, puis arrêter les dépenses',
    ),
  ],
  channel: EMAIL,
  frequency: QUARTERLY,
  tone: t('Light', 'Léger'),
  investmentPerCustomer: 1,
  expectedUplift: 0.01,
};

const nurture: Strategy = {
  objective: ['frequency'],
  actions: [
    t('Send offers matched to the group’s profile', 'Envoyer des offres adaptées au profil du groupe'),
  ],
  channel: EMAIL,
  frequency: MONTHLY,
  tone: t('Friendly', 'Chaleureux'),
  investmentPerCustomer: 5,
  expectedUplift: 0.03,
};

export const DEFAULT_PLAYBOOK: Playbook = {
  default: nurture,
  // RFM segments
  champions,
  loyal,
  potentialLoyalists,
  new: newCustomers,
  promising,
  needAttention,
  aboutToSleep,
  atRisk,
  cantLoseThem,
  hibernating,
  lost,
  // K-means clusters of RFM features (lambda/engine/clustering/name-rfm-clusters.ts)
  'high-value-loyal': champions,
  'high-value-steady': loyal,
  'promising-regulars': potentialLoyalists,
  'recent-newcomers': newCustomers,
  'regular-mid-value': needAttention,
  'low-value-occasional': aboutToSleep,
  'lapsed-high-value': cantLoseThem,
  'at-risk-mid-value': atRisk,
  'lapsed-low-value': hibernating,
};
