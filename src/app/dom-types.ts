/**
 * The page and its workers run in a browser: they are type-checked with the DOM's types. The
 * project's tsconfig names ES2022 and Node only; this reference adds the DOM (TypeScript applies
 * a lib reference to the whole program, so Node code could name DOM types too: the layer rules,
 * not the types, keep the DOM out of the library). The modules of src/app that use the DOM import
 * this file, so that a reader sees where the DOM comes from.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
export {};
