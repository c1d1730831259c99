import type { RoutableRequest } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { emptyArray, invalidType, missingParameter } from './parameter-errors.js';
import { readCommonFields } from './read-common-fields.js';
import { readRequestObject } from './read-request-object.js';

/**
 * `ClientCodec.inspect` for `/v1/chat/completions`: the common fields, then `messages` a non-empty
 * array of objects each with a string `role`. Message contents are not walked here; the request
 * decoder reports problems inside them when (and only when) it translates.
 */
export function inspectChatRequest(body: unknown): RoutableRequest {
  const request = readRequestObject(body);
  const routable = readCommonFields(request);

  const messages = request['messages'];
  if (messages === undefined || messages === null) throw missingParameter('messages');
  if (!Array.isArray(messages)) throw invalidType('messages', 'an array of objects', messages);
  if (messages.length === 0) throw emptyArray('messages');
  for (let i = 0; i < messages.length; i++) {
    const message: unknown = messages[i];
    if (!isRecord(message)) throw invalidType(`messages[${i}]`, 'an object', message);
    const role = message['role'];
    if (role === undefined || role === null) throw missingParameter(`messages[${i}].role`);
    if (typeof role !== 'string') throw invalidType(`messages[${i}].role`, 'a string', role);
  }

  return routable;
}
