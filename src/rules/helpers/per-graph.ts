import type { Graph } from '../../graph.js'

/**
 * `build` run once per graph: an index that several rules (or one rule's many lookups) share.
 * The facts of a graph do not change once it is built, so neither does what is derived from them.
 */
export function perGraph<T>(build: (graph: Graph) => T): (graph: Graph) => T {
  const built = new WeakMap<Graph, T>()
  return (graph) => {
    if (built.has(graph)) return built.get(graph)!
    const value = build(graph)
    built.set(graph, value)
    return value
  }
}
