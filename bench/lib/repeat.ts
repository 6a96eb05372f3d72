/** Runs a measurement a few times after a warm-up, sequentially (each run has both cores to itself). */

export interface RepeatPlan {
  warmups: number;
  repetitions: number;
}

/** Calls `once` `warmups` times (discarded), then `repetitions` times; returns what each kept run measured. */
export async function repeat<T>(plan: RepeatPlan, once: (round: number) => Promise<T> | T): Promise<T[]> {
  for (let i = 0; i < plan.warmups; i++) await once(-1 - i);
  const kept: T[] = [];
  for (let i = 0; i < plan.repetitions; i++) kept.push(await once(i));
  return kept;
}

/** `repeat` for a pair measured side by side: ours and the reference tool alternate, so drift hits both. */
export async function repeatPair<A, B>(
  plan: RepeatPlan,
  ours: (round: number) => Promise<A> | A,
  reference: (round: number) => Promise<B> | B,
): Promise<{ ours: A[]; reference: B[] }> {
  const out = { ours: [] as A[], reference: [] as B[] };
  await repeat(plan, async (round) => {
    const a = await ours(round);
    const b = await reference(round);
    if (round >= 0) {
      out.ours.push(a);
      out.reference.push(b);
    }
  });
  return out;
}
