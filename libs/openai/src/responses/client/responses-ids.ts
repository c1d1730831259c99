/**
 * Ids of one answer (§8.2): the response id is `resp_` + the upstream's answer id (each upstream turn has
 * its own, so multi-step tool calls never share one); item ids are `<prefix>_<that id>_<output index>`,
 * the same from `output_item.added` to `output_item.done` and in the terminal response.
 */
export class ResponsesIds {
  readonly responseId: string;
  private readonly base: string;

  constructor(upstreamId: string) {
    this.responseId = upstreamId.startsWith('resp_') ? upstreamId : `resp_${upstreamId}`;
    this.base = this.responseId.slice('resp_'.length).replace(/[^A-Za-z0-9_-]/g, '');
  }

  item(prefix: 'msg' | 'fc' | 'ctc' | 'rs', outputIndex: number): string {
    return `${prefix}_${this.base}_${outputIndex}`;
  }
}

/**
 * Whether an item id is one the router gave a translated answer (`<prefix>_<base>_<output index>`). OpenAI's
 * own item ids (`msg_68c1…`, hex after one underscore) never end in `_<digits>` after a second underscore.
 */
export function isRouterItemId(id: string): boolean {
  return /^(?:msg|fc|ctc|rs)_[A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*_\d+$/.test(id);
}
