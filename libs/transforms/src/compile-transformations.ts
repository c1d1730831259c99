import { type ConfigProblem, ConfigValidationError } from '@llm-router/core';
import { type CompiledPythonRegex, compilePythonRegex, parseRegexFlags, PythonRegexError } from '@llm-router/regex';
import { JSONPath } from 'jsonpath-plus';
import { compileJsonPath } from './compile-json-path.js';
import type { CompileTransformationsOptions, CompiledTransformation, CompiledTransformations, PathStep } from './compiled-transformations.js';
import { isJsonValue } from './json-value.js';
import type { JsonPathSegment } from './parse-json-path.js';
import { TRANSFORMATION_STAGES, type TransformationLayer, type TransformationRule, type TransformationStage } from './transformation-rule.js';

/** compileTransformations' options: the step budget, and which stage's rules to compile. */
export interface CompileStageOptions extends CompileTransformationsOptions {
  /**
   * Compile only the rules of this stage (a rule without `stage` is a `request` rule). Default `request`.
   * A rule with an unknown stage is a problem of the `request` compile, so that a caller compiling both
   * stages sees it once.
   */
  stage?: TransformationStage;
}

/**
 * Compiles the global list then the model's list (in the order given) into one rule sequence, for one
 * stage (`options.stage`, default `request`): call it once per stage. Disabled rules and rules of the
 * other stage are skipped entirely: neither compiled nor validated here. Every problem of every enabled rule is
 * collected, named by path (`models.gpt-4.transformations[1].pattern`) and rule name, then thrown as one
 * ConfigValidationError. Run once at boot; `applyTransformations` then does no parsing per request.
 */
export function compileTransformations(layers: readonly TransformationLayer[], options: CompileStageOptions = {}): CompiledTransformations {
  const problems: ConfigProblem[] = [];
  const rules: CompiledTransformation[] = [];
  const stage = options.stage ?? 'request';
  for (const layer of layers) {
    layer.rules.forEach((rule, index) => {
      if (!rule.enabled) return;
      const ruleStage: unknown = rule.stage ?? 'request';
      if (!TRANSFORMATION_STAGES.some((known) => known === ruleStage)) {
        if (stage === 'request') {
          problems.push({ path: `${layer.path}[${index}].stage`, message: `unknown stage ${JSON.stringify(ruleStage)} in rule '${rule.name}' (known: ${TRANSFORMATION_STAGES.join(', ')})` });
        }
        return;
      }
      if (ruleStage !== stage) return;
      const compiled = compileRule(rule, `${layer.path}[${index}]`, problems);
      if (compiled !== undefined) rules.push(compiled);
    });
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return options.stepBudget === undefined ? { rules } : { rules, stepBudget: options.stepBudget };
}

function compileRule(rule: TransformationRule, at: string, problems: ConfigProblem[]): CompiledTransformation | undefined {
  const inRule = `in rule '${rule.name}'`;
  const missing = (field: string): undefined => {
    problems.push({ path: `${at}.${field}`, message: `missing ${field} ${inRule} (required for ${rule.type})` });
    return undefined;
  };
  switch (rule.type) {
    case 'regex_replace': {
      if (typeof rule.pattern !== 'string') missing('pattern');
      if (typeof rule.replacement !== 'string') missing('replacement');
      const { flags, problems: flagProblems } = parseRegexFlags(rule.flags ?? []);
      for (const { index, token, kind } of flagProblems) {
        const message =
          kind === 'incompatible'
            ? `flag '${token}' ${inRule}: ASCII and UNICODE are incompatible`
            : `${kind} flag '${token}' ${inRule}${kind === 'unsupported' ? ' (LOCALE is for bytes patterns; DEBUG and TEMPLATE are not offered)' : ''}`;
        problems.push({ path: `${at}.flags[${index}]`, message });
      }
      if (typeof rule.pattern !== 'string' || typeof rule.replacement !== 'string') return undefined;
      let regex: CompiledPythonRegex;
      try {
        regex = compilePythonRegex(rule.pattern, flags, rule.replacement);
      } catch (error) {
        if (!(error instanceof PythonRegexError)) throw error;
        problems.push({ path: `${at}.${error.field}`, message: `invalid ${error.field === 'pattern' ? 'regex' : 'replacement'} ${inRule}: ${error.message}` });
        return undefined;
      }
      return flagProblems.length > 0 ? undefined : { type: 'regex_replace', name: rule.name, regex };
    }
    case 'jsonpath_drop': {
      if (typeof rule.path !== 'string') return missing('path');
      const segments = compilePath(rule.path, `${at}.path`, inRule, problems);
      if (segments === undefined) return undefined;
      if (segments.length === 1) return unsupported(problems, at, inRule, "the root '$' cannot be dropped");
      return { type: 'jsonpath_drop', name: rule.name, path: rule.path };
    }
    case 'jsonpath_add': {
      const segments = typeof rule.path === 'string' ? compilePath(rule.path, `${at}.path`, inRule, problems) : missing('path');
      if (rule.value === undefined) return missing('value');
      if (!isJsonValue(rule.value)) {
        problems.push({ path: `${at}.value`, message: `value ${inRule} is not JSON (plain objects, arrays, strings, finite numbers, booleans, null)` });
        return undefined;
      }
      if (segments === undefined || rule.path === undefined) return undefined;
      const last = segments[segments.length - 1];
      if (segments.length === 1) return unsupported(problems, at, inRule, "the root '$' cannot be replaced");
      if (last.kind !== 'name' && last.kind !== 'index') return unsupported(problems, at, inRule, 'a jsonpath_add path must end in a name or an index');
      if (segments[segments.length - 2].kind === 'descendant') return unsupported(problems, at, inRule, 'a jsonpath_add path cannot end in a descendant (..) step');
      if (segments.some((segment) => segment.kind === 'parent')) return unsupported(problems, at, inRule, 'the parent selector ^ is not supported in jsonpath_add');
      const plain = segments.slice(1).every((segment) => segment.kind === 'name' || segment.kind === 'index');
      const parentQuery = plain ? undefined : rule.path.slice(0, last.start);
      // jsonpath-plus memoises parsed paths by string: parse the parent query now, not on the first request.
      if (parentQuery !== undefined) JSONPath.toPathArray(parentQuery);
      return {
        type: 'jsonpath_add',
        name: rule.name,
        path: rule.path,
        parentQuery,
        steps: (plain ? segments.slice(1) : [last]).map(toStep),
        value: rule.value,
      };
    }
    default: {
      const type: unknown = (rule as { type: unknown }).type;
      problems.push({ path: `${at}.type`, message: `unknown type ${JSON.stringify(type)} ${inRule}` });
      return undefined;
    }
  }
}

function compilePath(path: string, at: string, inRule: string, problems: ConfigProblem[]): readonly JsonPathSegment[] | undefined {
  const segments = compileJsonPath(path);
  if ('error' in segments) {
    problems.push({ path: at, message: `invalid JSONPath ${inRule}: ${segments.error}` });
    return undefined;
  }
  return segments;
}

function unsupported(problems: ConfigProblem[], at: string, inRule: string, reason: string): undefined {
  problems.push({ path: `${at}.path`, message: `unsupported JSONPath ${inRule}: ${reason}` });
  return undefined;
}

function toStep(segment: JsonPathSegment): PathStep {
  return { key: segment.value, index: segment.kind === 'index' };
}
