/**
 * Unmatches runs of one or two tokens that sit between edits on both sides: a "," or "on the" that
 * a rewritten passage shares with its new wording, or with text far away, is no evidence that it is
 * the same text, yet it would give a deleted passage kept words and stretch a mapped span to
 * wherever the coincidence was. The rule is diff-match-patch's semantic clean-up (an equality no
 * shorter than the edits on both sides goes), kept to the shortest equalities: a longer unchanged
 * run, such as an untouched sentence between two rewritten ones, is real. Mutates the arrays.
 */
const MAX_COINCIDENCE = 2;

export function dropCoincidentalMatches(oldToNew: Int32Array, newToOld: Int32Array): void {
  const runs: { from: number; to: number }[] = []; // old-token ranges of matched runs, `to` exclusive
  for (let i = 0; i < oldToNew.length; ) {
    if (oldToNew[i] < 0) {
      i++;
      continue;
    }
    let to = i + 1;
    while (to < oldToNew.length && oldToNew[to] === oldToNew[to - 1] + 1) to++;
    runs.push({ from: i, to });
    i = to;
  }
  const drop: boolean[] = runs.map((run, r) => {
    const length = run.to - run.from;
    if (length > MAX_COINCIDENCE) return false;
    const before = r > 0 ? runs[r - 1] : null;
    const after = r + 1 < runs.length ? runs[r + 1] : null;
    const editBefore = Math.max(run.from - (before ? before.to : 0), oldToNew[run.from] - (before ? oldToNew[before.to - 1] + 1 : 0));
    const editAfter = Math.max((after ? after.from : oldToNew.length) - run.to, (after ? oldToNew[after.from] : newToOld.length) - (oldToNew[run.to - 1] + 1));
    return length < editBefore && length < editAfter;
  });
  runs.forEach((run, r) => {
    if (!drop[r]) return;
    for (let i = run.from; i < run.to; i++) {
      newToOld[oldToNew[i]] = -1;
      oldToNew[i] = -1;
    }
  });
}
