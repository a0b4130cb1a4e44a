// Entry of the folder build (dist/page/): the shell, with the WebAssembly module and the Worker loaded next to the
// scripts (their hashed names are written into the bundle by the build).
import { start } from './shell.js';

start();
