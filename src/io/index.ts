/** Matrix files as the package exports them (`import { io } from 'ergocheck'`); see the README's "Matrix files". */
export { matrixToJson, parseMatrixJson, readMatrixFile } from './matrix-json.js';
