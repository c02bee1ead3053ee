package lineage

// stronglyConnected returns the strongly connected components of the graph
// of nodes and succ, sinks first (Tarjan's algorithm): every component
// comes after the components it reaches. Nodes are visited in the order
// given, successors in the order succ gives them, and a component lists
// its nodes as they leave the stack, so the result is deterministic. The
// engine orders the package's call graph with it (callees first) and the
// walk a function's control-flow graph (loopOrder).
func stronglyConnected[N comparable](nodes []N, succ func(N) []N) [][]N {
	index := make(map[N]int, len(nodes))
	low := make(map[N]int, len(nodes))
	onStack := make(map[N]bool, len(nodes))
	var stack []N
	var out [][]N
	var visit func(v N)
	visit = func(v N) {
		index[v], low[v] = len(index), len(index)
		stack = append(stack, v)
		onStack[v] = true
		for _, c := range succ(v) {
			if _, ok := index[c]; !ok {
				visit(c)
				low[v] = min(low[v], low[c])
			} else if onStack[c] {
				low[v] = min(low[v], index[c])
			}
		}
		if low[v] != index[v] {
			return
		}
		var scc []N
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[top] = false
			scc = append(scc, top)
			if top == v {
				break
			}
		}
		out = append(out, scc)
	}
	for _, v := range nodes {
		if _, ok := index[v]; !ok {
			visit(v)
		}
	}
	return out
}
