import type { Messages, PeriodUnit } from './messages.ts';

/** "mois", "semaine" or "semaines": the unit agreeing with the count. */
function noun(count: number, unit: PeriodUnit): string {
  if (unit === 'week') return count === 1 ? 'semaine' : 'semaines';
  return 'mois';
}

/** "le prochain mois", "les 3 prochaines semaines": the adjective agrees with the noun's gender and number. */
function next(count: number, unit: PeriodUnit): string {
  const feminine = unit === 'week';
  if (count === 1) return feminine ? 'la prochaine semaine' : 'le prochain mois';
  return `les ${count} ${feminine ? 'prochaines' : 'prochains'} ${noun(count, unit)}`;
}

/** "les 6 derniers mois", "les 4 dernières semaines". */
function last(count: number, unit: PeriodUnit): string {
  return `${count === 1 ? (unit === 'week' ? 'la' : 'le') : `les ${count}`} ${unit === 'week' ? 'dernière' : 'dernier'}${count === 1 ? '' : 's'} ${noun(count, unit)}`;
}

export const MESSAGES_FR: Messages = {
  defaultReportName: 'Rapport de segmentation client',
  kindLabel: {
    upload: 'Nouvelles données',
    weekly: 'Rapport hebdomadaire',
    quarterly: 'Revue trimestrielle',
  },
  subject: ({ title, period, revenue, revenueChange, customers }) =>
    `${title}, ${period} : chiffre d’affaires ${revenue}${revenueChange ? ` (${revenueChange})` : ''}, ${customers} clients`,
  tableSubject: ({ title, table, revenue, revenueChange }) =>
    `${title}, ${table} : chiffre d’affaires ${revenue}${revenueChange ? ` (${revenueChange})` : ''}`,
  preheader: ({ customers, revenue, atRisk }) =>
    `${customers} clients, ${revenue} de chiffre d’affaires, ${atRisk} des clients qui décrochent.`,
  period: {
    subject: ({ kind, title, period, orders, revenue, revenueChange, customers }) =>
      `${title}, ${period} : ${orders} commandes, chiffre d’affaires ${revenue}${revenueChange ? ` (${revenueChange} sur ${kind === 'weekly' ? 'la semaine précédente' : 'le trimestre précédent'})` : ''}, ${customers} clients`,
    preheader: ({ customers, atRisk, since }) =>
      `La base clients depuis le ${since} : ${customers} clients, dont ${atRisk} qui décrochent.`,
    subjectNoOrders: ({ title, period, lastOrder }) =>
      `${title}, ${period} : aucune commande dans le fichier (sa dernière commande date du ${lastOrder})`,
    title: (kind, period) => `${kind === 'weekly' ? 'Cette semaine' : 'Ce trimestre'}, ${period}`,
    comparison: (kind, previous, yearAgo) => {
      const arrows = previous
        ? `Flèches : évolution sur ${kind === 'weekly' ? 'la semaine précédente' : 'le trimestre précédent'} (${previous}).`
        : `Pas de comparaison avec ${kind === 'weekly' ? 'la semaine précédente' : 'le trimestre précédent'} : le fichier commence après son début.`;
      const sameOne = kind === 'weekly' ? 'la même semaine' : 'le même trimestre';
      return yearAgo ? `${arrows} En dessous : ${sameOne} un an plus tôt (${yearAgo}).` : arrows;
    },
    orders: 'Commandes',
    revenue: 'Chiffre d’affaires',
    customers: 'Clients ayant acheté',
    newCustomers: 'Nouveaux clients',
    returningCustomers: 'Clients de retour',
    yearAgo: (kind, value, change) =>
      `${kind === 'weekly' ? 'Même semaine' : 'Même trimestre'} l’an dernier : ${value}${change ? ` (${change})` : ''}`,
    noOrders: (kind, lastOrder) =>
      `Le fichier n’a aucune commande ${kind === 'weekly' ? 'cette semaine' : 'ce trimestre'} : sa dernière commande date du ${lastOrder}.`,
    endsEarly: (kind, lastOrder) =>
      `La dernière commande du fichier date du ${lastOrder}, avant la fin ${kind === 'weekly' ? 'de la semaine' : 'du trimestre'} : ses derniers jours ne sont pas encore comptés.`,
    wholeFile: (period) => `La base clients, tout le fichier (${period})`,
  },
  header: {
    period: (first, last) => `du ${first} au ${last}`,
    asOf: (day) => `Situation au ${day}`,
    source: (file, rowsUsed) => `Source : ${file} (${rowsUsed} lignes utilisées)`,
    noPeriod: 'Table clients (sans dates de transaction)',
    customerTable: (customers) => `${customers} clients, table clients`,
  },
  sections: {
    headline: 'Chiffres clés',
    keyPoints: 'Points clés',
    rfmOverview: 'Segments (RFM)',
    clusterOverview: 'Groupes de clients (K-means)',
    chart: 'Part des clients et du chiffre d’affaires par segment',
    strategies: 'Que faire pour chaque segment',
    budget: 'Budget et retour attendu',
    alerts: 'Alertes',
    watch: 'Indicateurs à suivre',
    nextSteps: 'Prochaines étapes',
    dataQuality: 'Qualité des données',
  },
  kpis: {
    customers: 'Clients',
    activeCustomers: 'Clients actifs',
    revenue: 'Chiffre d’affaires',
    averageOrderValue: 'Panier moyen',
    ordersPerCustomer: 'Commandes par client',
    repeatRate: 'Taux de réachat',
    retentionRate: 'Rétention',
    atRiskShare: 'Clients qui décrochent',
    sincePrevious: 'depuis le rapport précédent',
    noPrevious: 'premier rapport : pas encore de comparaison',
  },
  activeDetail: (window) => `achat dans les ${window} derniers jours`,
  keyPoint: {
    opportunity: ({ segment, customers, budget, expectedReturn, roi }) =>
      `Plus grande opportunité : ${segment} (${customers} clients). Un budget de ${budget} devrait rapporter ${expectedReturn}, soit un ROI de ${roi}.`,
    retention: ({ customers, share, revenueShare, segments }) =>
      `Alerte rétention : ${customers} clients (${share} de la base) décrochent (${segments}) et représentent ${revenueShare} du chiffre d’affaires.`,
    upsell: ({ segment, customers, aov, bestSegment, bestAov }) =>
      `Potentiel de montée en gamme : les ${customers} clients ${segment} dépensent ${aov} par commande, contre ${bestAov} pour les ${bestSegment}.`,
    concentration: ({ share, segment, segmentShare }) =>
      `Les 20 % de meilleurs clients apportent ${share} du chiffre d’affaires ; les ${segment} à eux seuls ${segmentShare}.`,
    newcomers: ({ segment, customers, repeatRate }) =>
      `${customers} clients sont ${segment} : des acheteurs récents avec encore peu de commandes. Une deuxième commande est le pas vers la fidélité (taux de réachat de l’ensemble des clients : ${repeatRate}).`,
    groupShare: ({ segment, share, revenueShare }) =>
      `${segment} réunit ${share} des clients et ${revenueShare} du chiffre d’affaires.`,
    bestResponse: ({ segment, rate, overall }) =>
      `${segment} a le mieux répondu à la dernière campagne : ${rate}, contre ${overall} au total.`,
  },
  table: {
    segment: 'Segment',
    customers: 'Clients',
    shareOfBase: 'Part de la base',
    revenue: 'Chiffre d’affaires',
    shareOfRevenue: 'Part du CA',
    averageOrderValue: 'Panier moyen',
    frequency: 'Commandes par client',
    recency: 'Jours depuis achat',
    responseRate: 'Réponse',
    priority: 'Priorité',
  },
  basket: (products, categories, topProductShare) =>
    `${products} produits par client${categories === null ? '' : `, ${categories} catégories`}, ${topProductShare} des achats sur le premier produit`,
  priority: { high: 'Haute', medium: 'Moyenne', low: 'Basse' },
  lever: {
    recency: 'récence (faire revenir)',
    frequency: 'fréquence (acheter plus souvent)',
    monetary: 'valeur (dépenser plus)',
  },
  chart: {
    customersBar: 'clients',
    revenueBar: 'chiffre d’affaires',
    alt: (segment, customers, revenue) =>
      `${segment} : ${customers} des clients, ${revenue} du chiffre d’affaires`,
  },
  strategy: {
    objective: 'Améliorer',
    actions: 'Actions',
    channel: 'Canal',
    frequency: 'Fréquence',
    tone: 'Ton',
  },
  budget: {
    perCustomer: 'Par client',
    budget: 'Budget',
    expectedReturn: 'Retour attendu',
    roi: 'ROI',
    total: 'Total',
    assumptions: ({ period }) => [
      'Budget = somme des actions : clients touchés (portée x clients du segment, arrondi) x coût unitaire, en unités entières ; les principales actions sous chaque segment.',
      period
        ? `Retour attendu = hausse attendue x chiffre d’affaires du segment sur la période couverte (${period}).`
        : 'Retour attendu = hausse attendue x dépenses du segment telles que la table clients les enregistre.',
      'ROI = (retour attendu - budget) / budget.',
      'Les coûts unitaires, les portées et la hausse attendue viennent du playbook (paramétrable) : ce sont des hypothèses, pas des mesures.',
      period
        ? 'Les prévisions de valeur client ne sont pas publiées pour ces données : les retours sont calculés sur le chiffre d’affaires passé.'
        : 'Les prévisions de valeur client demandent des commandes datées (un journal de transactions) : les retours sont calculés sur les dépenses enregistrées.',
    ],
    valueAssumptions: ({ horizonMonths }) => [
      'Budget = somme des actions : clients touchés (portée x clients du segment, arrondi) x coût unitaire, en unités entières ; les principales actions sous chaque segment.',
      `Retour attendu = hausse attendue x valeur en jeu sur les ${horizonMonths} prochains mois, selon le modèle de valeur client : la valeur prévue du segment pour les plans de croissance ; pour les plans de reconquête, ce que rapporteraient ses clients probablement perdus s’ils étaient reconquis.`,
      'ROI = (retour attendu - budget) / budget. Un plan qui ne rapporte pas plus qu’il ne coûte n’est pas recommandé.',
      'Les coûts unitaires, les portées et la hausse attendue viennent du playbook (paramétrable) : ce sont des hypothèses, pas des mesures.',
    ],
    notRecommended: (segments) =>
      `Non recommandé sur la période, automatisation seulement (le plan payant coûterait plus qu’il ne rapporte) : ${segments}.`,
    notFunded: ({ segments, total }) =>
      `Rentable mais hors du budget total de ${total} (les meilleurs retours financés d’abord) : ${segments}.`,
    nonePays:
      'Aucun plan payant ne rapporte plus qu’il ne coûte sur la période : automatisation seulement pour tous les segments.',
    topAction: ({ action, budget }) => `${action}\u00a0: ${budget}`,
    otherActions: ({ count, budget }) =>
      `${count === 1 ? 'Une autre action' : `${count}\u00a0autres actions`}\u00a0: ${budget}`,
  },
  alert: {
    inactive: ({ share, days, threshold }) =>
      `${share} des clients n’ont rien acheté depuis ${days} jours (seuil ${threshold}).`,
    aovDrop: ({ change, threshold, previous, current }) =>
      `Le panier moyen a évolué de ${change} depuis le rapport précédent, de ${previous} à ${current} (seuil : une baisse de ${threshold}).`,
    churn: ({ monthly, threshold, retention, days }) =>
      `L’attrition mensuelle est de ${monthly} (seuil ${threshold}) : ${retention} des clients des ${days} jours précédents ont racheté dans les ${days} derniers jours.`,
    atRiskRevenue: ({ share, threshold, segments }) =>
      `Les clients qui décrochent (${segments}) représentent ${share} du chiffre d’affaires (seuil ${threshold}).`,
  },
  watch: {
    kpi: 'Indicateur',
    current: 'Actuel',
    target: 'Objectif',
    status: 'État',
    atLeast: (value) => `au moins ${value}`,
    atMost: (value) => `au plus ${value}`,
    onTarget: 'Atteint',
    offTarget: 'Non atteint',
  },
  valueOutlook: {
    title: (months) => `Valeur à venir, ${months} prochains mois`,
    total: ({ value, customers, months }) =>
      `Les ${customers} clients devraient rapporter ${value} sur les ${months} prochains mois.`,
    valueWithheld: ({ customers }) =>
      `La valeur des commandes n’a pas pu être modélisée pour ces données : les achats des ${customers} clients sont prévus, pas leur valeur.`,
    likelyLost: ({ customers, value }) =>
      `${customers} clients sont probablement perdus (plus probablement partis qu’encore acheteurs) ; reconquis, ils rapporteraient ${value}.`,
    protect: ({ customers }) =>
      `${customers} clients à forte valeur à protéger (la colonne priority du fichier clients les désigne).`,
    accuracy: ({ modelError, baselineError, days }) =>
      `Contrôle du modèle sur les ${days} derniers jours, mis de côté : il s’est trompé de ${modelError} achat par client en moyenne, contre ${baselineError} en supposant que chacun garde son rythme passé.`,
    notCompared:
      'Contrôle du modèle : l’historique est trop court pour mettre une période de contrôle de côté.',
    withheld: {
      'too-short':
        'Pas de prévision de valeur : l’historique est trop court pour vérifier le modèle sur ce que les clients ont fait.',
      'too-few-repeat-customers':
        'Pas de prévision de valeur : trop peu de clients ont acheté plus d’une fois pour modéliser leurs achats.',
      'fit-failed': 'Pas de prévision de valeur : le modèle d’achat n’a pas pu être ajusté à ces données.',
      'no-better-than-baseline':
        'Pas de prévision de valeur : sur la période de contrôle, le modèle n’a pas fait mieux que supposer que chaque client garde son rythme passé.',
    },
    columns: {
      segment: 'Segment',
      predictedValue: 'Valeur prévue',
      likelyLost: 'Probablement perdus',
      valueIfRetained: 'Valeur si reconquis',
    },
  },
  charts: {
    span: (first, last) => `de ${first} à ${last}`,
    change: (first, last) => `de ${first} à ${last}`,
    forecast: (count, unit, low, high) => `prévision pour ${next(count, unit)} : de ${low} à ${high}`,
    cohorts: (count, span) => `${count} ${count === 1 ? 'cohorte' : 'cohortes'}, ${span}`,
    retention: (after, unit, low, lowCohort, high, highCohort) =>
      `après ${after} ${noun(after, unit)} : au plus bas ${low} (${lowCohort}), au plus haut ${high} (${highCohort})`,
    colon: ' : ',
    actual: 'Réel',
    forecastLegend: 'Prévision',
    interval: 'Intervalle',
    total: 'ensemble',
    periodsSince: (unit) => `${unit === 'week' ? 'Semaines' : 'Mois'} depuis le premier achat`,
  },
  trends: {
    title: 'Tendances',
    revenueChart: (unit) => `Chiffre d’affaires par ${noun(1, unit)}`,
    buyersChart: 'Clients acheteurs, par segment',
    cohortChart: (unit) =>
      `Clients qui rachètent, par ${unit === 'week' ? 'semaine' : 'mois'} de premier achat`,
    tooShort: ({ periods, unit }) =>
      `Pas encore de tendance : le fichier couvre ${periods} ${noun(periods, unit)}, il en faut au moins 2 pour en tracer une.`,
    model: {
      naive: 'naïve (chaque période reprend la précédente)',
      seasonalNaive: ({ season, unit }) =>
        `saisonnière naïve (chaque ${noun(1, unit)} reprend ${unit === 'week' ? 'la même semaine' : 'le même mois'} ${season} ${noun(season, unit)} plus tôt)`,
      simple: 'lissage exponentiel du niveau',
      holt: 'lissage exponentiel avec tendance linéaire (Holt)',
      damped: 'lissage exponentiel avec tendance amortie',
      holtWinters: ({ season, unit }) =>
        `lissage exponentiel avec tendance et saison de ${season} ${noun(season, unit)} (Holt-Winters)`,
      var: ({ order, series }) =>
        `autorégression vectorielle sur ${series} séries (${order} ${order === 1 ? 'retard' : 'retards'})`,
    },
    forecastChosen: ({ model, error, baseline, baselineError, origins, unit, level }) =>
      `Prévision : ${model}, retenue par un test rétrospectif sur ${last(origins, unit)} : écart moyen de ${error} par ${noun(1, unit)} sur le chiffre d’affaires, contre ${baselineError} pour la référence, ${baseline}. La bande est l’intervalle à ${level}.`,
    forecastBaseline: ({ model, error, origins, unit, level }) =>
      `Prévision : la référence, ${model}, est affichée : aucun modèle n’a fait mieux dans un test rétrospectif sur ${last(origins, unit)} (écart moyen de ${error} par ${noun(1, unit)} sur le chiffre d’affaires). La bande est l’intervalle à ${level}.`,
    noForecast: {
      tooShort: ({ periods, needed, unit }) =>
        `Pas de prévision : ${periods} ${noun(periods, unit)} ${unit === 'week' ? 'complète' : 'complet'}${periods === 1 ? '' : 's'} d’historique, il en faut au moins ${needed}.`,
      tooFewOrigins: ({ origins, needed }) =>
        `Pas de prévision : l’historique permet ${origins} ${origins === 1 ? 'point de départ' : 'points de départ'} de test, il en faut au moins ${needed} pour choisir un modèle.`,
      notFinite: ({ period }) => `Pas de prévision : ${period} n’a pas de chiffre d’affaires utilisable.`,
    },
    textForecast: ({ value, lower, upper }) => `prévision ${value} (de ${lower} à ${upper})`,
    textBuyers: ({ last, before }) => `Clients acheteurs en ${last} (en ${before})`,
    textCohorts: (unit) =>
      `Part de chaque cohorte qui rachète ${unit === 'week' ? 'la semaine' : 'le mois'} suivant${unit === 'week' ? 'e' : ''} son premier achat`,
    subject: (subject) => {
      if (subject.segment === null)
        return subject.series === 'revenue' ? 'Le chiffre d’affaires' : 'Le nombre de clients acheteurs';
      return subject.series === 'revenue'
        ? `Le chiffre d’affaires du segment ${subject.segment}`
        : `Le nombre d’acheteurs du segment ${subject.segment}`;
    },
    warning: {
      outsideInterval: ({ subject, direction, period, actual, lower, upper, level }) =>
        `${subject} en ${period} s’établit à ${actual}, ${direction === 'below' ? 'sous' : 'au-dessus de'} la prévision de ${lower} à ${upper} faite sur les périodes d’avant (intervalle à ${level}).`,
      falling: ({ subject, periods, unit, from, to }) =>
        `${subject} a baissé ${periods} ${noun(periods, unit)} de suite, de ${from} à ${to}.`,
      volatile: ({ subject, recent, before, window, unit, ratio, threshold }) =>
        `${subject} devient instable : ses variations d’${unit === 'week' ? 'une semaine à l’autre' : 'un mois à l’autre'} ont un écart type de ${recent} sur ${last(window, unit)}, contre ${before} sur les ${window} d’avant (${ratio} fois plus ; seuil ${threshold}).`,
      cohortRetention: ({ cohort, share, earlierMean, earlierCohorts, unit, points }) =>
        `Les clients arrivés en ${cohort} reviennent moins : ${share} ont racheté ${unit === 'week' ? 'la semaine suivante' : 'le mois suivant'}, contre ${earlierMean} en moyenne pour ${earlierCohorts === 1 ? 'la cohorte' : `les ${earlierCohorts} cohortes`} d’avant (seuil : ${points} points de moins).`,
    },
    warningPoint: (sentence) => `Signal d’alerte : ${sentence}`,
    method: (p) =>
      `Tendances : par mois civil (par semaine pour un fichier de moins de quatre mois), segments recalculés à la fin de chaque période ; prévision des ${p.horizon} périodes suivantes avec un intervalle à ${p.level}, le modèle retenu par un test rétrospectif à origine glissante face à la référence saisonnière naïve. Signaux : une baisse ${p.fallingPeriods} périodes de suite, la dernière période hors de son intervalle, une volatilité plus de ${p.volatilityRatio} fois celle des ${p.volatilityWindow} périodes d’avant, une nouvelle cohorte qui rachète plus de ${p.cohortDropPoints} points sous les précédentes (cohortes d’au moins ${p.cohortMinCustomers} clients).`,
  },
  nextStep: ({ action, segment, customers, budget }) =>
    `${segment} (${customers} clients, budget ${budget}) : ${action}.`,
  nextStepReview: (date) => `Mesurer les résultats dans le prochain rapport, prévu vers le ${date}.`,
  nextStepAutomation: ({ action, segments }) =>
    `${segments} (automatisation seulement, sans budget payant) : ${action}.`,
  nextStepNonePays:
    'Aucune action payante n’est rentable sur la période : s’en tenir aux actions automatisées ci-dessous.',
  quality: {
    rowsRead: 'Lignes lues',
    rowsUsed: 'Lignes utilisées',
    rejected: (reason) => `Rejetées : ${reason}`,
    reasons: {
      wrongFieldCount: 'nombre de champs incorrect',
      missingCustomer: 'sans identifiant client',
      duplicateCustomer: 'identifiant client en double',
      cancelled: 'annulations',
      unreadableDate: 'date illisible',
      unreadableNumber: 'nombre illisible',
      otherCurrency: 'montant dans une autre devise',
      nonPositiveQuantity: 'quantité nulle ou négative',
      nonPositivePrice: 'prix nul ou négatif',
      nonPositiveAmount: 'montant nul ou négatif',
      implausibleAmount: 'montant d’une taille invraisemblable',
      futureDate: 'date dans le futur',
      afterAsOf: 'après la date d’analyse',
    },
    ambiguous: ({ customers, margin }) =>
      `${customers} clients se situent entre deux groupes (marge inférieure à ${margin}) et sont mis à part comme ambigus.`,
    otherCurrency: ({ currency, lines }) =>
      `Les montants sont en ${currency} ; les lignes dans une autre devise ont été écartées, et non additionnées : ${lines}.`,
    linesIn: ({ lines, currency }) => `${lines} en ${currency}`,
    undecodable: (count) => `${count} caractères illisibles ont été remplacés.`,
    aggregatedBy: (engine) =>
      `Les lignes ont été agrégées en commandes par ${engine} (SQL), avec les mêmes règles de nettoyage, avant cette analyse.`,
    historySkipped: ({ report, problem }) =>
      `Le rapport archivé ${report} est illisible (${problem}) : il n’entre pas dans la comparaison.`,
    clusteringSkipped: (customers) =>
      `Le regroupement K-means n’a pas été fait : ${customers} clients sont trop peu pour former des groupes ; les segments RFM et les indicateurs sont bien calculés.`,
  },
  customerFile: {
    title: 'Segments par client',
    attached: (filename) => `Une ligne par client, avec son segment et son groupe, est jointe : ${filename}.`,
    link: (expiry) =>
      `Une ligne par client, avec son segment et son groupe : le fichier est trop volumineux pour être joint ; le lien est valable jusqu’au ${expiry}.`,
    linkText: 'Télécharger le fichier clients',
  },
  migration: {
    title: 'Mouvements des clients depuis la dernière revue',
    summary: ({ stayed, up, down, newCustomers, gone }) =>
      `${stayed} clients sont restés dans leur segment, ${up} sont montés, ${down} sont descendus ; ${newCustomers} sont nouveaux et ${gone} n’apparaissent plus.`,
    move: ({ from, to, customers }) => `${from} → ${to} : ${customers} clients`,
    newCustomers: 'Nouveaux clients',
    gone: 'Absents cette fois',
  },
  notice: {
    rejectedSubject: (file) => `Fichier rejeté : ${file}`,
    rejectedIntro: (file) =>
      `Le fichier ${file} n’a pas pu être analysé : aucun rapport n’a été envoyé à la direction.`,
    rejectedReason: 'Motif',
    rejectedKeep: (location) =>
      `Le fichier lui-même est resté à sa place ; un rapport d’erreur a été écrit dans ${location}. Corrigez le fichier et déposez-le de nouveau dans le même dossier.`,
    noDataSubject: (kind, period) => `Pas de nouvelles données : ${kind} (${period})`,
    noDataBody: ({ kind, period, prefix, newest }) =>
      `Aucun fichier n’a été reçu dans ${prefix} pendant la période ${period} : l’envoi « ${kind} » à la direction n’a pas eu lieu, plutôt que de répéter d’anciens chiffres.${newest ? ` Le fichier le plus récent est ${newest}.` : ''}`,
    uncertainSubject: (report) => `Envoi à vérifier : ${report}`,
    uncertainBody: ({ report, claim }) =>
      `Le courriel de ${report} est peut-être arrivé à la direction, peut-être pas : le service d’envoi ne l’a pas confirmé. Il n’a pas été renvoyé, pour éviter un doublon. Demandez à un destinataire s’il l’a reçu ; pour le renvoyer, supprimez ${claim} et déposez de nouveau le fichier (ou relancez l’envoi planifié).`,
    missingSubject: (file) => `Fichier disparu avant lecture : ${file}`,
    missingBody: (file) =>
      `Le fichier ${file} a été supprimé ou remplacé avant d’avoir pu être lu : aucun rapport n’a été envoyé pour lui. Déposez-le de nouveau s’il doit faire l’objet d’un rapport.`,
    heldSubject: (report) => `En attente de votre vérification : ${report}`,
    heldIntro: ({ report, location }) =>
      `Le rapport « ${report} » paraît invraisemblable par rapport au précédent rapport du même type et de la même source ; il n’a donc pas été envoyé à la direction. Il est conservé tel qu’il serait envoyé : ${location}.`,
    heldFindings: 'Ce qui paraît anormal',
    heldFinding: {
      rows: (w) =>
        `Lignes utilisées : ${w.now} contre ${w.before} la dernière fois (${w.measured}), au-delà des ±${w.threshold} admis.`,
      customers: (w) =>
        `Clients : ${w.now} contre ${w.before} la dernière fois (${w.measured}), au-delà des ±${w.threshold} admis.`,
      orders: (w) =>
        `Commandes : ${w.now} contre ${w.before} la dernière fois (${w.measured}), au-delà des ±${w.threshold} admis.`,
      revenue: (w) =>
        `Chiffre d’affaires : ${w.now} contre ${w.before} la dernière fois (${w.measured}), au-delà des ±${w.threshold} admis.`,
      'period-not-advancing': (w) =>
        `Les données s’arrêtent le ${w.now}, pas après le dernier jour du rapport précédent, le ${w.before}.`,
      'period-too-short': (w) =>
        `Les données ne couvrent que ${w.now} des ${w.before} jours attendus (${w.measured}), moins que les ${w.threshold} requis.`,
      'rejected-lines': (w) =>
        `Lignes rejetées : ${w.now} contre ${w.before} la dernière fois (${w.measured}), au-delà des ${w.threshold} admis.`,
      'new-rejection-reason': (w) =>
        `Des lignes ont été rejetées pour une raison absente la dernière fois : ${w.subject}, ${w.now} lignes (${w.measured} des lignes lues), au-delà des ${w.threshold} admis.`,
      'column-mapping': (w) =>
        `Le rôle ${w.subject} est lu dans la colonne ${w.now}, la dernière fois dans ${w.before}.`,
      'value-parameters': (w) =>
        `Paramètre ${w.subject} du modèle de valeur client : ${w.now} contre ${w.before} la dernière fois (${w.measured}), au-delà des ±${w.threshold} admis.`,
      'segment-shares': (w) =>
        `${w.subject} : ${w.now} des clients contre ${w.before} la dernière fois (${w.measured}), au-delà des ±${w.threshold} admis.`,
      'duplicate-content': (w) =>
        `Le fichier a les mêmes ${w.subject} qu’un fichier précédent de cette source.`,
    },
    columnRoles: {
      customer: 'client',
      date: 'date',
      order: 'commande',
      amount: 'montant',
      quantity: 'quantité',
      price: 'prix unitaire',
      currency: 'devise',
    },
    duplicateOf: { bytes: 'octets', rows: 'commandes (dans un autre ordre ou une autre mise en forme)' },
    noValue: 'aucune',
    heldHowTo: ({ release, discard, approval, discardApproval, expires }) =>
      `Si les chiffres sont justes, libérez le rapport : il sera envoyé une fois à la direction. Lancez ${release}, ou écrivez un objet à ${approval}. Sinon, écartez-le : lancez ${discard}, ou écrivez un objet à ${discardApproval} (son texte éventuel est gardé comme motif). Rien ne part tout seul : sans décision avant le ${expires}, le rapport expire et vous recevez un rappel.`,
    heldFirstReport:
      'C’est le premier rapport de cette source : rien ne permet de le comparer, et la configuration retient les premiers rapports pour vérification.',
    heldPreview: (file) =>
      `Le courriel tel que la direction le recevrait est joint (${file}) : ouvrez-le dans un navigateur.`,
    heldExpiredSubject: (report) => `Expiré sans décision, non envoyé : ${report}`,
    heldExpiredBody: ({ report, location, heldAt }) =>
      `Le rapport « ${report} », retenu pour vérification le ${heldAt}, n’a été ni libéré ni écarté à temps : il a expiré et n’a pas été envoyé à la direction. Il reste dans l’archive : ${location}. Pour un rapport sur ces données, déposez de nouveau le fichier (corrigé si besoin).`,
    approvalRefusedSubject: (object) => `Approbation sans effet : ${object}`,
    approvalRefusedBody: ({ object, reason }) =>
      `L’objet d’approbation ${object} est resté sans effet : ${reason}. Rien n’a été envoyé. Nommez les objets d’approbation <run>.release ou <run>.discard, le run tel que l’avis du rapport retenu le donne.`,
    aggregationFailedSubject: (report) => `Non envoyé : l’agrégation de ${report} a échoué`,
    aggregationFailedBody: ({ report, table, error }) =>
      `L’agrégation de ${table} pour ${report} a échoué : rien n’a été envoyé à la direction. Erreur : ${error}. L’historique de l’exécution de la machine à états donne le détail ; une fois la cause corrigée, relancez-la avec la même entrée : le rapport ne sera envoyé qu’une fois.`,
    notCsvSubject: (file) => `Pas un fichier CSV : ${file}`,
    toAthenaSubject: (file) => `Laissé au rapport hebdomadaire : ${file}`,
    toAthenaBody: ({ file, megabytes, limit }) =>
      `Le fichier ${file} (${megabytes} Mo) dépasse les ${limit} Mo au-delà desquels la configuration confie les fichiers à Athena : il n’a pas de rapport propre ; les rapports hebdomadaire et trimestriel l’agrègent avec Athena.`,
    notCsvBody: ({ file, prefix }) =>
      `Le fichier ${file} n’est pas un fichier CSV (.csv ou .csv.gz, en majuscules ou minuscules) : il n’a pas été analysé et aucun rapport n’a été envoyé. Exportez-le en CSV et déposez-le dans ${prefix}.`,
  },
  footer: {
    generated: (moment, timeZone) => `Généré le ${moment} (${timeZone}).`,
    rfmMethod:
      'RFM : récence, fréquence et montant notés de 1 à 5 par quintiles (ex æquo gardés ensemble) ; segments selon la note de récence et la moyenne des deux autres.',
    rfmSavedRanges: (day) =>
      `RFM : récence, fréquence et montant notés de 1 à 5 sur les bornes de notes de la segmentation calculée au ${day} (les quintiles de ses clients), non sur celles de ce fichier ; segments selon la note de récence et la moyenne des deux autres.`,
    rfmRecentActivity: ({ segments, last, days }) =>
      `${segments} et ${last} exigent aussi un achat dans les ${days} derniers jours ; les clients ayant ces notes sans achat depuis sont dans le premier segment inférieur qui n’implique pas d’achat récent.`,
    priorityMethod:
      'Priorités : haute pour le meilleur tiers des plans rentables par retour net attendu, moyenne pour les autres plans rentables, basse pour les segments dont le plan payant coûterait plus qu’il ne rapporte ; la même règle pour les segments et les groupes.',
    kmeansMethod: ({ k, how }) =>
      `K-means sur variables standardisées (logarithme des montants et comptes asymétriques), k-means++ avec 10 relances, K = ${k} ${how}.`,
    kChosen: (silhouette) => `choisi par silhouette (${silhouette}) entre 2 et 8`,
    kFixed: 'fixé par la configuration',
    savedSegmentation: ({ day, k }) =>
      `Groupes : la segmentation calculée au ${day} (K = ${k}), non recalculée ; chaque client est rattaché au plus proche de ses groupes.`,
    kFallback: 'le plus petit essayé : aucun K de 2 à 8 ne donnait assez de clients à chaque groupe',
    currency: {
      detected: ({ currency, source }) =>
        `Montants en ${currency}, devise détectée dans le fichier (${source}).`,
      column: 'sa colonne de devise',
      signs: 'les signes ou codes monétaires de ses montants',
      configured: (currency) =>
        `Montants en ${currency}, devise configurée : le fichier n’en indique aucune.`,
      unknown:
        'Montants dans la devise du fichier : le fichier n’en indique aucune et aucune n’est configurée, aucun signe monétaire n’est donc affiché.',
      overruled: (configured) => `La devise configurée (${configured}) n’a pas été utilisée.`,
    },
  },
};
