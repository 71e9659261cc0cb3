/**
 * Regenerates src/numeric/simd/kernels-wasm.ts from kernels.wat (see scripts/wasm-module.ts). Run after
 * editing the .wat:
 *
 *   npm run build:wasm
 */
import { writeFileSync } from 'node:fs';
import { expectedModule, MODULE_PATH } from './wasm-module.js';

writeFileSync(MODULE_PATH, await expectedModule());
console.log(`wrote ${MODULE_PATH}`);
