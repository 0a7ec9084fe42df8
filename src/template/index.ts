export { analyseTemplate, assertValidTemplateSyntax, parseTemplate, templateVariables } from './ast.js';
export type { AccessChain, TemplateAnalysis } from './ast.js';
export { evalCondition, evalSkipWhen } from './conditions.js';
export { CompiledTemplate, MAX_AST_DEPTH, MAX_AST_NODE_COUNT, MAX_RENDERED_LEN, TemplateEngine } from './environment.js';
export type { CompileOptions, JinjaRenderingEngine, TemplateEngineOptions } from './environment.js';
export {
  EmptyTemplateRenderError,
  TemplateError,
  TemplateRenderError,
  TemplateSecurityError,
  TemplateSyntaxError,
  UnknownFilterError,
  UnknownVariableError,
} from './errors.js';
export { ALLOWED_FILTERS } from './filters.js';
export { escapeForJsonString, jsonTemplateSource, pyJsonDumps, renderJsonTemplate } from './json-template.js';
export { PyFloat, pyRepr, pyStr, pyTruthy, PyTuple } from './python-repr.js';
export { deserializeJsonValues, prepareRecord, sanitizeValue } from './record.js';
export { BLOCKED_NAMES } from './sandbox.js';
