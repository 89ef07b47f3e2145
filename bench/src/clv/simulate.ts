import type { BgNbdParams, CustomerSummary, GammaGammaParams } from '@resonance/pipelines';

/** mulberry32: a seeded uniform generator, so a benchmark dataset is the same on every run. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in (0, 1): safe under a logarithm. */
  open(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(this.open())) * Math.cos(2 * Math.PI * this.next());
  }

  /** Gamma(shape, rate) by Marsaglia & Tsang; shape < 1 through the u^(1/shape) boost. */
  gamma(shape: number, rate: number): number {
    if (shape < 1) return this.gamma(shape + 1, rate) * Math.pow(this.open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = this.open();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a, 1);
    return x / (x + this.gamma(b, 1));
  }
}

export interface Simulation {
  customers: CustomerSummary[];
  transactions: number;
}

/**
 * Customers drawn from BG/NBD + Gamma-Gamma with known parameters (time unit: week), summarised as
 * the SQL summary would: whole days, frequency = distinct purchase days after the first (or, with
 * `continuous`, exact times: data that follow the model exactly). Entry is spread over the first
 * `entryWeeks` of a `calibrationWeeks` period, like the CDNOW cohort.
 */
export function simulateCustomers(
  count: number,
  bgnbd: BgNbdParams,
  spend: GammaGammaParams,
  options: {
    seed: number;
    calibrationWeeks: number;
    entryWeeks: number;
    continuous?: boolean;
    /** Every purchase: the customer, its day from the period start, its value. */
    onPurchase?: (customer: number, day: number, value: number) => void;
  },
): Simulation {
  const random = new SeededRandom(options.seed);
  const customers: CustomerSummary[] = new Array(count);
  const calibrationDays = options.calibrationWeeks * 7;
  let transactions = 0;
  for (let i = 0; i < count; i++) {
    const entry = random.next() * options.entryWeeks * 7;
    const entryDay = options.continuous ? entry : Math.floor(entry);
    const tDays = calibrationDays - entryDay;
    const lambda = random.gamma(bgnbd.r, bgnbd.alpha) / 7; // per day
    const p = random.beta(bgnbd.a, bgnbd.b);
    const nu = random.gamma(spend.q, spend.v);
    let t = 0;
    let lastDay = 0;
    let repeatDays = 0;
    let repeatValue = 0;
    let dayValue = 0;
    let total = random.gamma(spend.p, nu);
    transactions++;
    options.onPurchase?.(i, entryDay, total);
    for (;;) {
      t += -Math.log(random.open()) / lambda;
      if (!(t <= tDays)) break;
      // Continuous: every purchase its own 'day' (the model exactly); else whole days, as SQL summarises.
      const day = options.continuous ? t : Math.floor(t);
      const value = random.gamma(spend.p, nu);
      transactions++;
      total += value;
      options.onPurchase?.(i, entryDay + day, value);
      if (day === lastDay && repeatDays > 0) {
        dayValue += value;
      } else if (day !== 0) {
        repeatValue += dayValue;
        dayValue = value;
        repeatDays++;
        lastDay = day;
      }
      // BG/NBD: after each repeat purchase the customer may drop out for good.
      if (random.next() < p) break;
    }
    repeatValue += dayValue;
    customers[i] = {
      customerId: String(i),
      segment: '',
      frequency: repeatDays,
      recencyDays: repeatDays > 0 ? lastDay : 0,
      tDays,
      monetaryMean: repeatDays > 0 ? repeatValue / repeatDays : 0,
      historicalValue: total,
      firstDay: '',
    };
  }
  return { customers, transactions };
}
