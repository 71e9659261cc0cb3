/**
 * The expression language for formulas, one module per concern: the tree and its structure
 * (ast.ts, definitions.ts), the plain-infix parser (infix-parse.ts), printing (print.ts, tex-print.ts) and
 * evaluation (evaluate.ts). Importers take the language as a whole from here.
 */
export * from './ast.js';
export * from './infix-parse.js';
export * from './definitions.js';
export * from './print.js';
export * from './cas-syntax.js';
export * from './evaluate.js';
export * from './tex-print.js';
