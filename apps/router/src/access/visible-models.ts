import type { AccessClientFamily } from '@llm-router/access';
import { requestRecordOf } from '@llm-router/logging';
import type { FastifyRequest } from 'fastify';
import { AccessRefusal } from './access-refusal.js';
import type { AccessRuntime } from './access-runtime.js';

/**
 * The router models a request may see, for the model lists: every one without `auth`; with it, those the
 * caller's key allows. `required`: a caller without a valid credential is refused (401, thrown as an
 * AccessRefusal in `family`'s format); otherwise such a caller sees none (`undefined`).
 */
export async function visibleModels(
  access: AccessRuntime,
  request: FastifyRequest,
  options: { required: boolean; family: AccessClientFamily },
): Promise<ReadonlySet<string> | 'all' | undefined> {
  const { policy, authenticator } = access.current;
  if (!policy.authRequired) return 'all';
  const caller = await authenticator.authenticate(request.headers);
  if ('allowed' in caller) {
    if (options.required) throw new AccessRefusal(caller, options.family);
    return undefined;
  }
  const record = requestRecordOf(request);
  if (record) record.caller = caller.name;
  return new Set(policy.visibleModels(caller.policy));
}
