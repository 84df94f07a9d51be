import { use, type ReactElement } from "react";

const LAZY = Symbol.for("react.lazy");

interface LazyNode {
  $$typeof: symbol;
  _payload: PromiseLike<unknown>;
}

const isLazy = (node: unknown): node is LazyNode =>
  typeof node === "object" && node !== null && (node as LazyNode).$$typeof === LAZY && typeof (node as LazyNode)._payload?.then === "function";

/**
 * The element a component is about to clone. An element a server component passes as a prop can reach the
 * client (and the server render) as a lazy reference to a chunk of the RSC stream instead of the element itself:
 * React's Flight client wraps an element whose parts arrive later (an outlined or still-streaming chunk, a client
 * module not loaded yet) so rendering it suspends until it has. Rendering such a child as is works; cloning it does
 * not: `cloneElement` of the wrapper makes an element of type `undefined` ("Element type is invalid"), so whether a
 * page broke depended on how its stream happened to be chunked. `use` waits for the chunk, as rendering it would.
 */
export function useResolvedElement<E extends ReactElement | undefined>(child: E): E {
  let node: unknown = child;
  while (isLazy(node)) node = use(node._payload);
  return node as E;
}
