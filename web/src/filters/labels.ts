/** How channel identifiers (sql/src/model.ts CHANNELS) read in the dashboard. */
const CHANNEL_LABELS: Record<string, string> = {
  phone: 'Phone',
  email: 'Email',
  chat: 'Chat',
  twitter: 'Twitter / X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  line: 'LINE',
  wechat: 'WeChat',
  messenger: 'Messenger',
  reviews: 'Reviews',
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

/** Segments are free-form identifiers ("smb", "enterprise", "high_value"): make them readable. */
export function segmentLabel(segment: string): string {
  const words = segment.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : segment;
}
