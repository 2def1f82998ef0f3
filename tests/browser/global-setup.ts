/**
 * Before any browser test: the site they drive (build-test/) is rebuilt when a source is newer,
 * so a change that does not compile fails the tests instead of passing against an old build.
 * (bundle.test.ts does the same for the shipped build/.)
 */
import { ensureSite } from '../../scripts/site-build';

export default function setup(): void {
  ensureSite('test');
}
