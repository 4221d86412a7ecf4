// The application form coming back from a platform: the inbound counterpart of /apply. Like a
// command module it only maps the submission to the use case and renders what happened.
import type { CoreDeps } from '../deps.js';
import type { FormSubmission, Reply } from '../ports/chat-platform.js';
import { submitForm } from './apply.js';
import { submissionReply } from './replies.js';

export async function submitApplication(deps: CoreDeps, sub: FormSubmission): Promise<Reply> {
  return submissionReply(await submitForm(deps, { formId: sub.formId, values: sub.values, user: sub.user }));
}
