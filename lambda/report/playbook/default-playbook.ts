/**
 * The default playbook: one strategy per RFM segment, the same strategies for the K-means cluster names that mean
 * the same thing, and a default for any other group (customer-table clusters named after their features).
 * Each strategy's sub-strategies list actions with a unit cost (currency units per customer reached: the message,
 * the voucher or discount redeemed, the call's time) and a reach (the share of the segment it reaches: a voucher is
 * redeemed by some, a call made to the best few), the assumptions of a mid-sized retailer, printed under the budget
 * table with the expected uplift. They cost from 1 (Lost) to 30 (Can't lose them) per customer of the segment,
 * the flat amounts per customer of earlier releases. A configuration overrides any field of any entry (see
 * `mergePlaybook`). No priority here: the report derives it from each plan's expected net return, unless a
 * configuration pins one.
 */
import type { PlaybookAction, SubStrategy } from './action-schema.ts';
import type { Playbook, Strategy } from './strategy.ts';

const t = (en: string, fr: string) => ({ en, fr });
const action = (en: string, fr: string, unitCost: number, reach: number): PlaybookAction => ({
  name: t(en, fr),
  unitCost,
  reach,
});
const sub = (en: string, fr: string, ...actions: PlaybookAction[]): SubStrategy => ({
  name: t(en, fr),
  actions,
});

const EMAIL = t('Email', 'E-mail');
const EMAIL_AND_PHONE = t('Email and phone call', 'E-mail et appel téléphonique');
const EMAIL_AND_SMS = t('Email and SMS', 'E-mail et SMS');
const WEEKLY = t('Weekly', 'Hebdomadaire');
const EVERY_TWO_WEEKS = t('Every two weeks', 'Toutes les deux semaines');
const MONTHLY = t('Monthly', 'Mensuelle');
const QUARTERLY = t('Quarterly', 'Trimestrielle');

const champions: Strategy = {
  objective: ['frequency'],
  subStrategies: [
    sub(
      'VIP programme',
      'Programme VIP',
      action(
        'Invite to a VIP programme with early access to new products',
        'Inviter au programme VIP avec accès anticipé aux nouveautés',
        14.5,
        1,
      ),
      action('Send a thank-you gift', 'Envoyer un cadeau de remerciement', 25, 0.2),
    ),
    sub(
      'Advocacy',
      'Ambassadeurs',
      action('Ask for reviews and referrals', 'Demander des avis et des parrainages', 0.5, 1),
    ),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Grateful and exclusive', 'Reconnaissant et exclusif'),
  expectedUplift: 0.02,
};

const loyal: Strategy = {
  objective: ['monetary'],
  subStrategies: [
    sub(
      'Up-sell',
      'Montée en gamme',
      action(
        'Recommend higher-value and complementary products',
        'Recommander des produits complémentaires et de gamme supérieure',
        1,
        1,
      ),
    ),
    sub(
      'Loyalty rewards',
      'Récompenses de fidélité',
      action(
        'Offer loyalty points on baskets above the average order',
        'Offrir des points de fidélité au-delà du panier moyen',
        11.25,
        0.8,
      ),
    ),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Personal and appreciative', 'Personnel et reconnaissant'),
  expectedUplift: 0.03,
};

const potentialLoyalists: Strategy = {
  objective: ['frequency', 'monetary'],
  subStrategies: [
    sub(
      'Membership',
      'Adhésion',
      action('Offer a membership or subscription', 'Proposer une adhésion ou un abonnement', 10, 0.5),
    ),
    sub(
      'Cross-sell',
      'Ventes croisées',
      action(
        'Cross-sell from their last purchase',
        'Proposer des ventes croisées liées au dernier achat',
        1.5,
        1,
      ),
      action('Free delivery on the next order', 'Livraison offerte sur la prochaine commande', 6, 0.25),
    ),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Encouraging', 'Encourageant'),
  expectedUplift: 0.05,
};

const newCustomers: Strategy = {
  objective: ['frequency'],
  subStrategies: [
    sub(
      'Onboarding',
      'Accueil',
      action(
        'Send an onboarding series with a second-order incentive',
        'Envoyer une série de bienvenue avec une incitation au deuxième achat',
        1,
        1,
      ),
      action('Second-order voucher', 'Bon d’achat pour la deuxième commande', 5, 0.8),
    ),
  ],
  channel: EMAIL,
  frequency: WEEKLY,
  tone: t('Welcoming', 'Accueillant'),
  expectedUplift: 0.1,
};

const promising: Strategy = {
  objective: ['frequency', 'monetary'],
  subStrategies: [
    sub(
      'Brand awareness',
      'Notoriété de la marque',
      action(
        'Build brand awareness with best-sellers and free-shipping thresholds',
        'Faire connaître la marque : meilleures ventes et seuil de livraison offerte',
        0.5,
        1,
      ),
      action('Free-delivery threshold offer', 'Offre de livraison gratuite dès un seuil', 6, 0.75),
    ),
  ],
  channel: EMAIL,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Friendly', 'Chaleureux'),
  expectedUplift: 0.05,
};

const needAttention: Strategy = {
  objective: ['recency', 'frequency'],
  subStrategies: [
    sub(
      'Limited-time offers',
      'Offres à durée limitée',
      action(
        'Send limited-time offers based on past purchases',
        'Envoyer des offres à durée limitée selon les achats passés',
        1,
        1,
      ),
      action('SMS reminder with a 10% code', 'Rappel par SMS avec un code de 10 %', 10, 0.5),
    ),
  ],
  channel: EMAIL_AND_SMS,
  frequency: EVERY_TWO_WEEKS,
  tone: t('Helpful', 'Serviable'),
  expectedUplift: 0.04,
};

const aboutToSleep: Strategy = {
  objective: ['recency'],
  subStrategies: [
    sub(
      'Reactivation',
      'Réactivation',
      action(
        'Recommend popular products and a reactivation discount',
        'Recommander les produits populaires avec une remise de réactivation',
        0.5,
        1,
      ),
      action('Reactivation discount redeemed', 'Remise de réactivation utilisée', 5, 0.7),
    ),
  ],
  channel: EMAIL,
  frequency: MONTHLY,
  tone: t('Reminding', 'Rappel bienveillant'),
  expectedUplift: 0.03,
};

const atRisk: Strategy = {
  objective: ['recency'],
  subStrategies: [
    sub(
      'Reactivation offer',
      'Offre de réactivation',
      action(
        'Send personalised win-back emails with a time-limited offer',
        'Envoyer des e-mails de reconquête personnalisés avec une offre limitée',
        2.5,
        0.8,
      ),
      action('Time-limited discount on the next order', 'Remise limitée sur la prochaine commande', 14, 0.6),
    ),
    sub(
      'Listening',
      'Écoute',
      action(
        'Ask what went wrong in a short survey',
        'Demander ce qui n’a pas convenu par un court questionnaire',
        0.4,
        1,
      ),
      action('Phone call by an account manager', 'Appel d’un chargé de clientèle', 12, 0.1),
    ),
  ],
  channel: EMAIL_AND_SMS,
  frequency: WEEKLY,
  tone: t('Personal and attentive', 'Personnel et attentif'),
  expectedUplift: 0.05,
};

const cantLoseThem: Strategy = {
  objective: ['recency'],
  subStrategies: [
    sub(
      'Personal win-back',
      'Reconquête personnelle',
      action(
        'Call them and win them back with renewals or new products',
        'Les appeler et les reconquérir avec des renouvellements ou des nouveautés',
        25,
        0.6,
      ),
      action('Premium win-back gift', 'Cadeau de reconquête haut de gamme', 40, 0.25),
    ),
    sub(
      'Account care',
      'Suivi du compte',
      action('Offer a dedicated account contact', 'Proposer un interlocuteur dédié', 20, 0.25),
    ),
  ],
  channel: EMAIL_AND_PHONE,
  frequency: WEEKLY,
  tone: t('Personal, high-touch', 'Personnel et très attentionné'),
  expectedUplift: 0.08,
};

const hibernating: Strategy = {
  objective: ['recency'],
  subStrategies: [
    sub(
      'Seasonal campaigns',
      'Campagnes saisonnières',
      action(
        'Include in seasonal campaigns at low cost',
        'Inclure dans les campagnes saisonnières à faible coût',
        0.2,
        1,
      ),
      action('Seasonal discount code', 'Code de remise saisonnier', 3.6, 0.5),
    ),
  ],
  channel: EMAIL,
  frequency: QUARTERLY,
  tone: t('Light', 'Léger'),
  expectedUplift: 0.02,
};

const lost: Strategy = {
  objective: ['recency'],
  subStrategies: [
    sub(
      'Last reactivation attempt',
      'Dernière tentative de réactivation',
      action(
        'One reactivation attempt, then stop spending',
        'Une tentative de réactivation, puis arrêter les dépenses',
        0.2,
        1,
      ),
      action('Last-chance voucher', 'Bon d’achat de la dernière chance', 2, 0.4),
    ),
  ],
  channel: EMAIL,
  frequency: QUARTERLY,
  tone: t('Light', 'Léger'),
  expectedUplift: 0.01,
};

const nurture: Strategy = {
  objective: ['frequency'],
  subStrategies: [
    sub(
      'Profile offers',
      'Offres ciblées',
      action(
        'Send offers matched to the group’s profile',
        'Envoyer des offres adaptées au profil du groupe',
        0.5,
        1,
      ),
      action('Targeted discount', 'Remise ciblée', 6, 0.75),
    ),
  ],
  channel: EMAIL,
  frequency: MONTHLY,
  tone: t('Friendly', 'Chaleureux'),
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
  // Clusters named by their basket (lambda/engine/clustering/segmentation/name-diversity-clusters.ts)
  'broad-basket-regulars': loyal,
  'single-product-buyers': nurture,
  'lapsed-broad-basket': atRisk,
  'lapsed-single-product': hibernating,
};
