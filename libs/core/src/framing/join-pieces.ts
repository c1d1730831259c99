/**
 * `pieces` followed by `last`, as one string. One piece (a frame or line cut once, the usual case) is a
 * plain concatenation; more are joined once, so text held across many chunks is copied once in all.
 */
export function joinPieces(pieces: readonly string[], last: string): string {
  if (pieces.length === 0) return last;
  if (pieces.length === 1) return (pieces[0] as string) + last;
  return pieces.join('') + last;
}
