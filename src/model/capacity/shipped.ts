/**
 * The capacity behaviours careflow ships beyond the built-in places and visits per day, each
 * registered when its module loads. Imported (for that effect) by the parse stage, which must
 * know their forms, and by the compile stage, which must find their run-time halves in a worker
 * thread that never parsed a file.
 *
 * @module
 */
import './market.js';
