/** A literal of the filter language. */
export type FilterLiteral = string | number | boolean | null;

/** A JSONPath filter expression (`[?(...)]`), as parsed at boot. Evaluating it can only read the node. */
export type FilterNode =
  | { kind: 'path'; steps: readonly string[] } // @, @.a, @['a'], @[0]
  | { kind: 'literal'; value: FilterLiteral }
  | { kind: 'compare'; operator: '==' | '!=' | '<' | '<=' | '>' | '>='; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };
