// Public API of @llm-router/transforms: pure functions for plain Node, plus a thin Nest service/module.
export type { TransformationLayer, TransformationRule, TransformationStage } from './transformation-rule.js';
export { TRANSFORMATION_STAGES } from './transformation-rule.js';
export type { CompileStageOptions } from './compile-transformations.js';
export type {
  CompiledJsonPathAdd,
  CompiledJsonPathDrop,
  CompiledRegexReplace,
  CompiledTransformation,
  CompiledTransformations,
  CompileTransformationsOptions,
  PathStep,
} from './compiled-transformations.js';
export type { JsonValue } from './json-value.js';
export { compileTransformations } from './compile-transformations.js';
export { applyTransformations } from './apply-transformations.js';
export { TransformsService } from './transforms.service.js';
export { TransformsModule } from './transforms.module.js';
