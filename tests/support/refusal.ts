/** The refusal a parse outcome must be, with its Chinese message checked. */
import { expect } from 'vitest';
import { isFailure, type ParseOutcome } from '../../src/lib/format';

export function refused(o: ParseOutcome): { code: string; message: string } {
  if (!isFailure(o)) throw new Error(`expected a refusal, got a report of ${o.unit} ${o.year}`);
  expect(o.error.message).toMatch(/[\u4e00-\u9fff]/);
  return o.error;
}
