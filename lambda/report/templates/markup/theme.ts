/** Colours and sizes shared by the sections; one place to restyle the email. */
export const THEME = {
  font: 'Helvetica, Arial, sans-serif',
  text: '#1d2733',
  muted: '#5b6776',
  page: '#eef1f5',
  card: '#ffffff',
  brand: '#1f3a5f',
  brandText: '#ffffff',
  rule: '#d8dee6',
  customersBar: '#8fb3d9',
  revenueBar: '#1f3a5f',
  good: '#1e7a46',
  bad: '#b3261e',
  priority: { high: '#b3261e', medium: '#a66300', low: '#5b6776' },
  alertBackground: '#fdecea',
} as const;
