/** The OpenAI error body (§1.8): the SDK reads `message/type/param/code` from the inner object. */
export interface OpenAIErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export interface OpenAIErrorBody {
  error: OpenAIErrorObject;
}
