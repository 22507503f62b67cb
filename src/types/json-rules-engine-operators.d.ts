/** json-rules-engine 7.3.1's list of default operators (the objects `new Engine()` registers). */
declare module 'json-rules-engine/dist/engine-default-operators.js' {
  const operators: readonly { readonly name: string; evaluate(factValue: unknown, jsonValue: unknown): boolean }[];
  export default operators;
}
