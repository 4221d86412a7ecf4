// Referral credit: when an application that names a referrer is accepted, the referrer earns one
// referral, verified (the committee's acceptance is the evidence). Runs inside the acceptance's
// transaction, so the credit and the decision commit together; once per application.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import type { Application, Program } from '../model.js';
import type { Repositories } from '../repositories.js';
import { defaultKinds, pointsFor, REFERRAL_KEY } from './model.js';
import { formatPoints } from '../text.js';

/** Returns the points credited, or 0 (no referrer, not an active ambassador, or already credited). */
export async function creditReferral(deps: CoreDeps, r: Repositories, program: Program, application: Application): Promise<number> {
  const referrerId = application.referrerId;
  if (referrerId === null || referrerId === application.applicantId) return 0;
  const amb = await r.ambassadors.byMember(program.id, referrerId);
  if (amb?.status !== 'active') return 0; // only ambassadors earn points; the referral is still on the application
  if (await r.activity.referralCredited(program.id, application.ref)) return 0;
  // A program with its own kinds may lack one for referrals: add the default rather than lose the credit.
  await r.activity.insertKinds(program.id, defaultKinds.filter((k) => k.key === REFERRAL_KEY), false);
  const kind = (await r.activity.kinds(program.id)).find((k) => k.key === REFERRAL_KEY)!;
  const at = deps.now();
  const applicant = await r.members.byId(application.applicantId);
  const points = pointsFor(kind, 1);
  const a = await r.activity.log({
    programId: program.id, memberId: referrerId, kindId: kind.id, campaignId: kind.campaignId, amount: 1, points, link: null,
    note: `Referred ${applicant?.displayName ?? 'a new ambassador'} (application ${application.ref})`,
    status: 'verified', occurredAt: at, loggedAt: at, reviewedById: null, reviewedAt: at, reviewReason: 'referral accepted',
  });
  await audit(r, {
    programId: program.id, actorId: null, action: 'activity.referral_credited', subject: { type: 'activity', id: a.id },
    data: { application: application.ref, referrer: referrerId, points },
  }, at);
  await r.outbox.enqueue({
    kind: 'dm', memberId: referrerId,
    message: { title: `${program.name}: thank you for the referral!`, text: `${applicant?.displayName ?? 'Someone you referred'} was accepted as an ambassador. You earned ${formatPoints(points)}.`, tone: 'success' },
  });
  return points;
}
