import type { Random } from './random';

/**
 * Message text for the demo: templates per topic and intended polarity, with the negation,
 * emphasis (capitals, "!!!", boosters) and emoji that VADER reacts to, so that scored sentiment
 * follows the story. Slot values come from short lists so texts repeat and scores can be memoised.
 */

export const TOPICS = ['billing', 'delivery', 'product_quality', 'login', 'refund', 'order_change', 'praise'] as const;
export type Topic = (typeof TOPICS)[number];
export type Polarity = 'negative' | 'neutral' | 'positive';

export interface TextContext {
  /** How the brand is named: '@brightcart' in public, 'BrightCart' in private. */
  brand: string;
  product: string;
  first: string;
}

const CUSTOMER: Record<Topic, Partial<Record<Polarity, readonly string[]>>> = {
  billing: {
    negative: [
      '{brand} charged me twice for the same order. This is not acceptable.',
      'Why was I billed {amount} when my order was cancelled? Really frustrated.',
      'Third time asking about a wrong charge on my card. Terrible service.',
      'You took {amount} from my account without any order. I want my money back now.',
      'The invoice is wrong again and nobody from {brand} bothers to fix it. Awful.',
      'Hidden fees at checkout? Not cool, {brand}. I feel cheated.',
      'My subscription renewed even though I cancelled it. Ridiculous.',
    ],
    neutral: [
      'Hi {brand}, can you send me a copy of the invoice for my last order?',
      'How do I change the card on file for my account?',
      'Is the {amount} on my statement the shipping fee or the item?',
      'Do you offer invoices with a VAT number for business orders?',
      'When will the charge for my pre-order go through?',
    ],
    positive: [
      'Thanks {brand}, the billing team sorted out the double charge really quickly.',
      'Love that the invoice shows up straight away in my account. Very handy!',
      'Got the overcharge refunded within a day. Great job {brand}!',
    ],
  },
  delivery: {
    negative: [
      'My order is {days} days late and the tracking has not moved. Very disappointed.',
      'Package marked as delivered but it never arrived. {brand} this is a joke.',
      'Still no {product}. {days} days past the promised date. Worst delivery ever.',
      'The courier left my {product} in the rain and the box is ruined. Not happy at all.',
      'Paid for express shipping and it took {days} days. Absolutely useless.',
      'Nobody can tell me where my parcel is. I am so angry right now.',
      '{brand} lost my order AGAIN. I am done.',
    ],
    neutral: [
      'Hi {brand}, when will my {product} be shipped?',
      'Can I change the delivery address for my order?',
      'Tracking says in transit for {days} days, is that normal?',
      'Do you deliver on Saturdays?',
      'Which courier do you use for large items like the {product}?',
    ],
    positive: [
      'My {product} arrived a day early! Great delivery, thank you {brand}.',
      'Super fast shipping as always. Love it!',
      'Delivery driver was so friendly and careful with my {product}. Thanks!',
      'Ordered last night, here this morning. Impressive, {brand}!',
    ],
  },
  product_quality: {
    negative: [
      'The {product} stopped working after {days} days. Really poor quality.',
      'My {product} arrived broken. So disappointed with {brand}.',
      'The {product} is nothing like the photos. Cheap and flimsy.',
      'Second {product} in a month with the same defect. Not good enough.',
      'The {product} does not work at all. What a waste of money.',
      'Honestly the worst {product} I have ever bought. Avoid.',
    ],
    neutral: [
      'Is the {product} compatible with the older model?',
      'What is the warranty on the {product}?',
      'Does the {product} come with a charger?',
      'Hi {brand}, how do I reset my {product}?',
    ],
    positive: [
      'The {product} is amazing. Best purchase this year!',
      'Really impressed with the quality of my new {product}.',
      'Loving my {product}, works perfectly. Thanks {brand}!',
      'The {product} is even better than I expected. Highly recommend.',
    ],
  },
  login: {
    negative: [
      'I cannot log in to my account and the reset email never comes. So annoying.',
      'Your app keeps logging me out. This is broken, {brand}.',
      'Locked out of my account for {days} days now. Terrible.',
      'The password reset link does not work. Fix your website please!',
      'Two-factor code never arrives, cannot access my orders. Frustrating.',
    ],
    neutral: [
      'How do I change the email address on my account?',
      'Can I have two logins on one business account?',
      'Hi {brand}, is the app down right now?',
      'Where do I find my order history in the new app?',
    ],
    positive: [
      'The new app is so much easier to use. Nice work {brand}!',
      'Login with my phone is super convenient, thanks!',
    ],
  },
  refund: {
    negative: [
      'Returned the {product} {days} days ago and still no refund. Unacceptable.',
      'Where is my refund? I have asked three times. Horrible service.',
      'You rejected my return for no reason. Really unfair.',
      'Refund promised two weeks ago and nothing. I feel ignored.',
      'I will never order from {brand} again until I get my money back.',
    ],
    neutral: [
      'How long does a refund take to show on my card?',
      'Can I return the {product} if I opened the box?',
      'Hi {brand}, I sent back the {product}, did you receive it?',
      'Do I need to print a return label for the {product}?',
    ],
    positive: [
      'Refund came through in two days. Thanks {brand}, very smooth.',
      'Easy return and quick refund, great experience!',
      'Really appreciate how simple the return was. Thank you!',
    ],
  },
  order_change: {
    negative: [
      'I tried to cancel within minutes and you still shipped it. Annoying.',
      'Cannot change my order and nobody answers. Useless.',
    ],
    neutral: [
      'Can I add a second {product} to my order before it ships?',
      'Hi {brand}, please cancel my last order.',
      'Is it possible to change the colour of the {product} I ordered?',
      'Can I switch my order to store pickup?',
    ],
    positive: [
      'Changed my order in two clicks, brilliant. Thanks {brand}!',
    ],
  },
  praise: {
    positive: [
      'Shoutout to {brand} for the amazing customer service!',
      'Best online shop I know. Never had a problem with {brand}.',
      '{brand} support is fantastic, they really care.',
      'Just want to say thank you, {brand}. You made my day!',
      'Great prices, great service. Love {brand}.',
      'Another perfect order from {brand}. Happy customer here!',
    ],
  },
};

/** The customer's next message in a thread, by what happened to the previous one. */
export const FOLLOW_UPS = {
  thanks: [
    'Thanks {agent}, that fixed it!',
    'Perfect, thank you so much.',
    'Great, really appreciate the quick help.',
    'That worked, thanks for sorting it out!',
    'Brilliant, thank you!',
  ],
  unresolved: [
    'That did not help, the problem is still there.',
    'I already tried that. Still not working.',
    'This does not answer my question at all.',
    'No, that is not what I asked. Very frustrating.',
  ],
  slowResolved: [
    'Finally. Took way too long, but thanks.',
    'OK, thanks. Not great that it took {days} days though.',
    'Thanks, but the wait was really disappointing.',
  ],
  /** A caller whose call was not answered calls again. */
  callAgain: [
    'Calling again, nobody picked up last time.',
    'Second call today, I keep getting put on hold and cut off.',
    'I have called {days} times now. Is anyone there?',
  ],
  nudge: [
    'Hello?? Still waiting for an answer.',
    '{days} days and no reply. Is anyone reading these?',
    'Still no response from {brand}. Awful customer service.',
    'Following up again. Why is nobody answering?',
    'Ignored again. Great job {brand}.',
  ],
} as const;

const AGENT_REPLIES: Record<Topic, readonly string[]> = {
  billing: [
    'Hi {first}, sorry about that! I have checked your account and refunded the extra charge.',
    'Hi {first}, thanks for flagging this. The duplicate charge is a pending authorisation and will drop off within 3 days.',
    'Hi {first}, I have sent the invoice to your email address. Let us know if you need anything else.',
  ],
  delivery: [
    'Hi {first}, sorry for the delay. I have chased the courier and your {product} will arrive tomorrow.',
    'Hi {first}, so sorry your parcel has not arrived. I have sent a replacement by express delivery.',
    'Hi {first}, your order left our warehouse today, here is the tracking link.',
    'Hi {first}, thanks for your patience. The courier confirms delivery on Friday.',
  ],
  product_quality: [
    'Hi {first}, sorry to hear that. We will send you a new {product} free of charge.',
    'Hi {first}, thanks for letting us know. Please try a reset, and if that does not help we will replace it.',
    'Hi {first}, the {product} has a 2-year warranty. I have started a replacement for you.',
  ],
  login: [
    'Hi {first}, I have reset your login. You should get a new link in a few minutes.',
    'Hi {first}, sorry for the trouble. We fixed an issue with reset emails, please try again.',
    'Hi {first}, you can change your email under Settings > Account. Happy to help further!',
  ],
  refund: [
    'Hi {first}, your refund has been issued and should show on your card within 3 to 5 days.',
    'Hi {first}, sorry for the wait. I have escalated your refund and processed it today.',
    'Hi {first}, yes, you can return it within 30 days. I have emailed you a return label.',
  ],
  order_change: [
    'Hi {first}, done! Your order has been updated.',
    'Hi {first}, your order is cancelled and the payment released.',
    'Hi {first}, sorry, the order has already shipped, but you can return it for free.',
  ],
  praise: [
    'Thank you so much, {first}! We are so glad to hear it.',
    'This made our day, {first}. Thanks for the kind words!',
    'Thanks {first}! We will pass this on to the team.',
  ],
};

const AGENT_CLOSINGS = [
  'You are welcome, {first}! Have a great day.',
  'Glad we could help, {first}!',
  'Happy to help. Enjoy your {product}!',
];

const AGENT_APOLOGIES = [
  'Hi {first}, sorry for the slow reply. I am looking into this now and will update you today.',
  'Hi {first}, apologies for the wait. I have passed this to the right team as a priority.',
];

const BOT_REPLIES: Record<'email' | 'chat' | 'whatsapp', readonly string[]> = {
  email: ['Thanks for contacting {brand}. We have received your message and will reply within 24 hours.'],
  chat: ['Hi! I am the {brand} assistant. An agent will be with you shortly.'],
  whatsapp: ['Hi from {brand}! Thanks for your message, an agent will reply soon.'],
};
const BOT_OFFLINE = 'Our team is offline right now. Leave a message and we will get back to you.';

/** A few messages are not in English: loaded with their language and left unscored. */
export const FOREIGN: Record<'es' | 'fr', Record<'negative' | 'neutral' | 'positive', readonly string[]>> = {
  es: {
    negative: ['Mi pedido lleva {days} días de retraso. Muy mal servicio.', 'El {product} llegó roto, quiero un reembolso.'],
    neutral: ['¿Cuándo llega mi pedido?', '¿Puedo cambiar la dirección de entrega?'],
    positive: ['¡Muchas gracias, todo perfecto!', 'Me encanta mi {product}, gracias.'],
  },
  fr: {
    negative: ['Ma commande a {days} jours de retard. Service nul.', 'Le {product} ne marche pas, je veux être remboursé.'],
    neutral: ['Quand ma commande sera-t-elle livrée ?', 'Puis-je modifier mon adresse de livraison ?'],
    positive: ['Merci beaucoup, livraison parfaite !', "J'adore mon {product}, merci."],
  },
};

const FOREIGN_REPLIES: Record<'es' | 'fr', string> = {
  es: 'Hola {first}, gracias por tu mensaje. Lo revisamos ahora mismo.',
  fr: 'Bonjour {first}, merci pour votre message. Nous regardons cela tout de suite.',
};

export const PRODUCTS = [
  'headphones',
  'blender',
  'coffee machine',
  'air fryer',
  'phone case',
  'desk lamp',
  'backpack',
  'smartwatch',
  'vacuum cleaner',
  'office chair',
  'router',
  'rain jacket',
  'running shoes',
  'kettle',
  'monitor',
  'printer',
] as const;

const DAYS = [2, 3, 4, 5, 7, 10, 14] as const;
const AMOUNTS = ['$19.99', '$49.00', '$89.90', '$120', '$249.99'] as const;
const NEGATIVE_EMOJI = ['😡', '😤', '🙄', '😞', '👎', '🤬'] as const;
const POSITIVE_EMOJI = ['😍', '🙏', '👍', '❤️', '🎉', '😊'] as const;

/** Topics a customer raises with the polarity they are likely meant with. */
export const TOPIC_POLARITY: Record<Topic, Record<Polarity, number>> = {
  billing: { negative: 0.55, neutral: 0.35, positive: 0.1 },
  delivery: { negative: 0.55, neutral: 0.3, positive: 0.15 },
  product_quality: { negative: 0.5, neutral: 0.25, positive: 0.25 },
  login: { negative: 0.55, neutral: 0.4, positive: 0.05 },
  refund: { negative: 0.6, neutral: 0.32, positive: 0.08 },
  order_change: { negative: 0.15, neutral: 0.8, positive: 0.05 },
  praise: { negative: 0, neutral: 0, positive: 1 },
};

function fill(template: string, rng: Random, ctx: TextContext, agent = ''): string {
  return template.replace(/\{(\w+)\}/g, (_m, slot: string) => {
    switch (slot) {
      case 'brand':
        return ctx.brand;
      case 'product':
        return ctx.product;
      case 'first':
        return ctx.first;
      case 'agent':
        return agent;
      case 'days':
        return String(rng.pick(DAYS));
      case 'amount':
        return rng.pick(AMOUNTS);
      default:
        throw new Error(`unknown template slot {${slot}}`);
    }
  });
}

/** Emphasis and emoji: capitals, exclamation marks, a booster in front, an emoji at the end. */
function decorate(text: string, polarity: Polarity, rng: Random): string {
  let out = text;
  if (polarity === 'negative') {
    if (rng.chance(0.08)) out = out.toUpperCase();
    if (rng.chance(0.25)) out = out.replace(/\.$/, '!!!');
    if (rng.chance(0.1)) out = `Seriously, ${out[0]!.toLowerCase()}${out.slice(1)}`;
    if (rng.chance(0.35)) out = `${out} ${rng.pick(NEGATIVE_EMOJI)}`;
  } else if (polarity === 'positive') {
    if (rng.chance(0.2)) out = out.replace(/\.$/, '!');
    if (rng.chance(0.4)) out = `${out} ${rng.pick(POSITIVE_EMOJI)}`;
  } else if (rng.chance(0.25)) {
    out = `${out} Thanks.`;
  }
  return out;
}

export function customerText(rng: Random, topic: Topic, polarity: Polarity, ctx: TextContext): string {
  const options = CUSTOMER[topic][polarity] ?? CUSTOMER[topic].neutral ?? CUSTOMER[topic].positive!;
  return decorate(fill(rng.pick(options), rng, ctx), polarity, rng);
}

export function followUpText(rng: Random, kind: keyof typeof FOLLOW_UPS, ctx: TextContext, agentFirst: string): string {
  const polarity: Polarity = kind === 'thanks' ? 'positive' : 'negative';
  return decorate(fill(rng.pick(FOLLOW_UPS[kind]), rng, ctx, agentFirst), polarity, rng);
}

/** A reply: to the topic, except that praise of any topic is thanked rather than fixed. */
export function agentReplyText(rng: Random, topic: Topic, ctx: TextContext, kind: 'answer' | 'closing' | 'apology', signature: string, positive = false): string {
  const options = kind === 'answer' ? AGENT_REPLIES[positive ? 'praise' : topic] : kind === 'closing' ? AGENT_CLOSINGS : AGENT_APOLOGIES;
  const text = fill(rng.pick(options), rng, ctx);
  return signature ? `${text} ^${signature}` : text;
}

export function botText(rng: Random, channel: 'email' | 'chat' | 'whatsapp', ctx: TextContext, offline: boolean): string {
  return offline && channel === 'chat' ? BOT_OFFLINE : fill(rng.pick(BOT_REPLIES[channel]), rng, ctx);
}

export function foreignText(rng: Random, lang: 'es' | 'fr', polarity: Polarity, ctx: TextContext): string {
  return fill(rng.pick(FOREIGN[lang][polarity]), rng, ctx);
}

export function foreignReplyText(lang: 'es' | 'fr', first: string): string {
  return FOREIGN_REPLIES[lang].replace('{first}', first);
}
