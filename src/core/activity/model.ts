// Activity, its kinds and the points rule, as the core sees them. Pure functions only.
import { formatNumber, plural } from '../text.js';

export type ActivityStatus = 'pending' | 'verified' | 'rejected';

export interface ActivityKind {
  id: number;
  programId: number;
  key: string;
  label: string;
  /** points = floor(amount / unitSize) * pointsPerUnit, e.g. 1 point per $10. */
  pointsPerUnit: number;
  unitSize: number;
  /** The most one /log may claim: bigger amounts are refused, not trimmed. */
  maxAmount: number;
  autoVerify: boolean;
  campaignId: number | null;
}

export type KindFields = Omit<ActivityKind, 'id' | 'programId'>;

export interface Activity {
  id: number;
  programId: number;
  memberId: number;
  memberName: string;
  kindId: number;
  kindKey: string;
  kindLabel: string;
  campaignId: number | null;
  amount: number;
  points: number;
  link: string | null;
  note: string | null;
  status: ActivityStatus;
  occurredAt: Date;
  loggedAt: Date;
  reviewedById: number | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
}

export type NewActivity = Omit<Activity, 'id' | 'memberName' | 'kindKey' | 'kindLabel'>;

/** Limits on what staff may configure: keeps points (and their sums) far inside a 32-bit Int. */
export const KIND_LIMITS = { pointsPerUnit: 1000, unitSize: 1_000_000, maxAmount: 1_000_000 } as const;

/** What a program starts with when it has no kinds: the sensible defaults. */
export const defaultKinds: readonly KindFields[] = [
  { key: 'share', label: 'Share or post', pointsPerUnit: 1, unitSize: 1, maxAmount: 50, autoVerify: false, campaignId: null },
  { key: 'referral', label: 'Referral', pointsPerUnit: 10, unitSize: 1, maxAmount: 20, autoVerify: false, campaignId: null },
  { key: 'event', label: 'Event hosted', pointsPerUnit: 20, unitSize: 1, maxAmount: 5, autoVerify: false, campaignId: null },
  { key: 'funds', label: 'Funds raised ($)', pointsPerUnit: 1, unitSize: 10, maxAmount: 100_000, autoVerify: false, campaignId: null },
];

export const REFERRAL_KEY = 'referral';

export function pointsFor(kind: Pick<ActivityKind, 'pointsPerUnit' | 'unitSize'>, amount: number): number {
  return Math.floor(amount / kind.unitSize) * kind.pointsPerUnit;
}

/** "1 point per $10 (Funds raised ($))", "10 points each". */
export function describeRate(k: Pick<ActivityKind, 'pointsPerUnit' | 'unitSize'>): string {
  const pts = plural(k.pointsPerUnit, 'point');
  return k.unitSize === 1 ? `${pts} each` : `${pts} per ${formatNumber(k.unitSize)}`;
}

/** Words staff may use for a program or campaign metric, mapped to the default kinds that measure it. */
const metricSynonyms: Record<string, string> = {
  dollars: 'funds', dollar: 'funds', usd: 'funds', euros: 'funds', eur: 'funds', pounds: 'funds', gbp: 'funds',
  $: 'funds', money: 'funds', funds: 'funds', donations: 'funds', raised: 'funds',
  referrals: 'referral', 'sign-ups': 'referral', signups: 'referral', members: 'referral', ambassadors: 'referral',
  events: 'event', shares: 'share', posts: 'share', reach: 'share', 'people reached': 'share',
};

/**
 * The kinds whose verified amounts count toward a metric: a kind keyed or labelled like the metric,
 * else the default kind its usual words name. Null when nothing measures it (no made-up progress).
 */
export function kindsForMetric(metric: string, kinds: readonly Pick<ActivityKind, 'key' | 'label'>[]): string[] | null {
  const m = metric.trim().toLowerCase();
  if (!m) return null;
  const direct = kinds.filter((k) => k.key.toLowerCase() === m || k.label.toLowerCase() === m);
  if (direct.length) return direct.map((k) => k.key);
  const key = metricSynonyms[m] ?? metricSynonyms[m.replace(/s$/, '')];
  return key && kinds.some((k) => k.key === key) ? [key] : null;
}

/** A key staff type in /log kind:<key>: short, lower-case, no spaces. */
export const KIND_KEY = /^[a-z0-9][a-z0-9_-]{0,23}$/;
