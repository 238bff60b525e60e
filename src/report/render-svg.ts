/**
 * A chart drawn as static SVG in Node, for the page to show when scripts are off and to
 * print: the vega-lite spec compiled to vega and rendered headless (no canvas, no DOM).
 *
 * @module
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The chart as an SVG document fragment (`<svg ...>...</svg>`). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
