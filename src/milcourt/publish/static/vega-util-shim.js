// The three vega-util functions vega-interpreter imports, taken from the vega bundle already on
// the page (the import map in base.html points the bare name "vega-util" here).
const vega = window.vega;
export const ascending = vega.ascending;
export const isString = vega.isString;
export const DisallowedObjectProperties = vega.DisallowedObjectProperties;
