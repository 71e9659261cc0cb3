/** Options of the commands that read a state from a file: the file, and its input tolerance. */
import { option } from './option-table.js';
import { fileName } from './options.js';
import { toleranceOption } from './state-input.js';

export const RHO = option({ value: 'FILE', help: 'the state, JSON {"re": [[…]], "im": [[…]]}', required: true, read: fileName });

/** --tolerance T: absolute, ≥ 0; absent, the tolerance follows from the input (see TOLERANCE_HELP). */
export const TOLERANCE = option({
  value: 'T',
  help: 'override the input tolerance (see below)',
  read: (raw) => toleranceOption(raw) as number,
});
