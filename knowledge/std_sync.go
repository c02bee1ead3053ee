package knowledge

// stdSync: sync, sync/atomic, context and container/*: what is stored in
// a map, a box, a context or a container comes out of it. Locks, wait groups
// and once-guards carry nothing.
var stdSync = []Model{
	// sync.
	{Func: "(*sync.Map).Store", Flows: "1->0; 2->0", Source: doc("sync#Map.Store")},
	{Func: "(*sync.Map).Load", Flows: "0->r0", Source: doc("sync#Map.Load")},
	// A row's flows read the arguments as they were before the call, so
	// what LoadOrStore puts into the map and reads back in the same call is
	// spelled out: the key and the value join the map's contents, which the
	// result is read from (CodeQL's step from the key to the result).
	{Func: "(*sync.Map).LoadOrStore", Flows: "1->0; 2->0; 0->r0; 1->r0; 2->r0", Source: doc("sync#Map.LoadOrStore")},
	{Func: "(*sync.Map).LoadAndDelete", Flows: "0->r0", Source: doc("sync#Map.LoadAndDelete")},
	{Func: "(*sync.Map).Swap", Flows: "1->0; 2->0; 0->r0", Source: doc("sync#Map.Swap")},
	{Func: "(*sync.Map).Range", Flows: "0->1(0); 0->1(1)", Source: doc("sync#Map.Range")}, // each key and value is handed to f
	{Func: "(*sync.Map).Delete", Flows: "", Source: doc("sync#Map.Delete")},
	{Func: "(*sync.Mutex).*", Flows: "", Source: doc("sync#Mutex")},
	{Func: "(*sync.RWMutex).*", Flows: "", Source: doc("sync#RWMutex")},
	{Func: "(*sync.WaitGroup).*", Flows: "", Source: doc("sync#WaitGroup")},
	{Func: "(*sync.Once).Do", Flows: "", Source: doc("sync#Once.Do")},
	{Func: "(*sync.Cond).*", Flows: "", Source: doc("sync#Cond")},
	// A pool hands out objects that its users reset before reuse
	// (pkg.go.dev/sync#Pool): following data from Put to Get would join every
	// user of a shared pool (an encoder's buffer pool) with every other, so a
	// pool carries nothing. A buffer kept and reused without a pool is followed.
	{Func: "(*sync.Pool).Get", Flows: "", Source: doc("sync#Pool.Get")},
	{Func: "(*sync.Pool).Put", Flows: "", Source: doc("sync#Pool.Put")},

	// sync/atomic: a box or an atomically written variable holds what was
	// stored in it. A generic type's methods are named with its type parameters,
	// as types.Func.FullName prints them.
	{Func: "(*sync/atomic.Value).Store", Flows: "1->0", Source: doc("sync/atomic#Value.Store")},
	{Func: "(*sync/atomic.Value).Load", Flows: "0->r", Source: doc("sync/atomic#Value.Load")},
	{Func: "(*sync/atomic.Value).Swap", Flows: "1->0; 0->r", Source: doc("sync/atomic#Value.Swap")},
	{Func: "(*sync/atomic.Value).CompareAndSwap", Flows: "2->0", Source: doc("sync/atomic#Value.CompareAndSwap")},
	{Func: "(*sync/atomic.Pointer[T]).Store", Flows: "1->0", Source: doc("sync/atomic#Pointer.Store")},
	{Func: "(*sync/atomic.Pointer[T]).Load", Flows: "0->r", Source: doc("sync/atomic#Pointer.Load")},
	{Func: "(*sync/atomic.Pointer[T]).Swap", Flows: "1->0; 0->r", Source: doc("sync/atomic#Pointer.Swap")},
	{Func: "(*sync/atomic.Pointer[T]).CompareAndSwap", Flows: "2->0", Source: doc("sync/atomic#Pointer.CompareAndSwap")},
	{Func: "sync/atomic.StorePointer", Flows: "1->0", Source: doc("sync/atomic#StorePointer")},
	{Func: "sync/atomic.LoadPointer", Flows: "0->r", Source: doc("sync/atomic#LoadPointer")},
	{Func: "sync/atomic.SwapPointer", Flows: "0->r; 1->0", Source: doc("sync/atomic#SwapPointer")},
	{Func: "sync/atomic.CompareAndSwapPointer", Flows: "2->0", Source: doc("sync/atomic#CompareAndSwapPointer")},
	{Func: "sync/atomic.StoreUintptr", Flows: "1->0", Source: doc("sync/atomic#StoreUintptr")},
	{Func: "sync/atomic.LoadUintptr", Flows: "0->r", Source: doc("sync/atomic#LoadUintptr")},
	{Func: "sync/atomic.SwapUintptr", Flows: "0->r; 1->0", Source: doc("sync/atomic#SwapUintptr")},
	{Func: "sync/atomic.CompareAndSwapUintptr", Flows: "2->0", Source: doc("sync/atomic#CompareAndSwapUintptr")},
	{Func: "sync/atomic.AddUintptr", Flows: "1->0; 0->r; 1->r", Source: doc("sync/atomic#AddUintptr")},

	// context: a value stored in a context comes out of Value. Other
	// derivations (WithCancel, WithTimeout, ...) keep what the parent holds.
	{Func: "context.WithValue", Flows: "0->r; 1->r; 2->r", Source: doc("context#WithValue")},
	{Func: "(context.Context).Value", Flows: "0->r", Source: doc("context#Context.Value")},
	{Func: "context.*", Flows: "0->r", Source: doc("context")},

	// container/list, container/ring and container/heap.
	{Func: "(*container/list.List).PushBack", Flows: "1w->0; 1w->r", Source: doc("container/list#List.PushBack")},
	{Func: "(*container/list.List).PushFront", Flows: "1w->0; 1w->r", Source: doc("container/list#List.PushFront")},
	{Func: "(*container/list.List).InsertAfter", Flows: "1w->0; 1w->r", Source: doc("container/list#List.InsertAfter")},
	{Func: "(*container/list.List).InsertBefore", Flows: "1w->0; 1w->r", Source: doc("container/list#List.InsertBefore")},
	{Func: "(*container/list.List).PushBackList", Flows: "1->0", Source: doc("container/list#List.PushBackList")},
	{Func: "(*container/list.List).PushFrontList", Flows: "1->0", Source: doc("container/list#List.PushFrontList")},
	{Func: "(*container/list.List).MoveAfter", Flows: "1->0", Source: doc("container/list#List.MoveAfter")},
	{Func: "(*container/list.List).MoveBefore", Flows: "1->0", Source: doc("container/list#List.MoveBefore")},
	{Func: "(*container/list.List).MoveToBack", Flows: "1->0", Source: doc("container/list#List.MoveToBack")},
	{Func: "(*container/list.List).MoveToFront", Flows: "1->0", Source: doc("container/list#List.MoveToFront")},
	{Func: "(*container/list.List).Remove", Flows: "1->r", Source: doc("container/list#List.Remove")},
	{Func: "(*container/list.List).Front", Flows: "0->r", Source: doc("container/list#List.Front")},
	{Func: "(*container/list.List).Back", Flows: "0->r", Source: doc("container/list#List.Back")},
	{Func: "(*container/list.List).Init", Flows: "0->r", Source: doc("container/list#List.Init")},
	{Func: "(*container/list.List).Len", Flows: "", Source: doc("container/list#List.Len")},
	{Func: "(*container/list.Element).Next", Flows: "0->r", Source: doc("container/list#Element.Next")},
	{Func: "(*container/list.Element).Prev", Flows: "0->r", Source: doc("container/list#Element.Prev")},
	{Func: "container/list.New", Flows: "", Source: doc("container/list#New")},
	{Func: "(*container/ring.Ring).Link", Flows: "0->r; 1->r; 1->0", Source: doc("container/ring#Ring.Link")},
	{Func: "(*container/ring.Ring).Unlink", Flows: "0->r", Source: doc("container/ring#Ring.Unlink")},
	{Func: "(*container/ring.Ring).Move", Flows: "0->r", Source: doc("container/ring#Ring.Move")},
	{Func: "(*container/ring.Ring).Next", Flows: "0->r", Source: doc("container/ring#Ring.Next")},
	{Func: "(*container/ring.Ring).Prev", Flows: "0->r", Source: doc("container/ring#Ring.Prev")},
	{Func: "(*container/ring.Ring).Len", Flows: "", Source: doc("container/ring#Ring.Len")},
	{Func: "container/heap.Push", Flows: "1w->0", Source: doc("container/heap#Push")},
	{Func: "container/heap.Pop", Flows: "0->r", Source: doc("container/heap#Pop")},
	{Func: "container/heap.Remove", Flows: "0->r", Source: doc("container/heap#Remove")},
	{Func: "container/heap.Fix", Flows: "", Source: doc("container/heap#Fix")},
	{Func: "container/heap.Init", Flows: "", Source: doc("container/heap#Init")},
	{Func: "(container/heap.Interface).Push", Flows: "1w->0", Source: doc("container/heap#Interface.Push")},
	{Func: "(container/heap.Interface).Pop", Flows: "0->r", Source: doc("container/heap#Interface.Pop")},
}
