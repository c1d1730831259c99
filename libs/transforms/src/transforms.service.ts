import { Injectable } from '@nestjs/common';
import { applyTransformations } from './apply-transformations.js';
import type { CompiledTransformations } from './compiled-transformations.js';
import { compileTransformations } from './compile-transformations.js';
import type { TransformationLayer } from './transformation-rule.js';

/** Nest face of the pure functions: stateless, each method delegates unchanged. */
@Injectable()
export class TransformsService {
  compileTransformations(layers: readonly TransformationLayer[]): CompiledTransformations {
    return compileTransformations(layers);
  }

  applyTransformations(body: Record<string, unknown>, compiled: CompiledTransformations): void {
    applyTransformations(body, compiled);
  }
}
