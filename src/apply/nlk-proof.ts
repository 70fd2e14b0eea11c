/** What NLK's values and its cluster say as the consumer's proof (nlk-helm.ts and nlk-ext.ts alike). */
import { NLK_DEFAULT_ANNOTATION_MATCH } from '../domain/apply-target';
import type { Proof } from './consumer';
import type { NlkOnCluster } from './nlk-cluster';

/** What NLK's values say of whether a refused key would show: its log level and its annotation. */
export function exercisedBy(config: { logLevel?: unknown; serviceAnnotationMatch?: unknown } | undefined): {
  logLevel: string;
  annotationMatch: string;
} {
  return {
    logLevel: typeof config?.logLevel === 'string' ? config.logLevel : 'info',
    annotationMatch:
      typeof config?.serviceAnnotationMatch === 'string' ? config.serviceAnnotationMatch : NLK_DEFAULT_ANNOTATION_MATCH,
  };
}

/** What the cluster showed, as the consumer's proof: after the lines its own steps said. */
export function proofFrom(proof: Awaited<ReturnType<NlkOnCluster['prove']>>, lines: string[]): Proof {
  lines.push(...proof.lines);
  if (!proof.ok) return { outcome: 'failed', why: proof.why, lines };
  if (proof.notExercised) return { outcome: 'unproven', why: `not exercised: ${proof.notExercised}`, lines };
  return { outcome: 'proven', lines };
}
