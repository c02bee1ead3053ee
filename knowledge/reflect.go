package knowledge

const srcReflect = "pkg.go.dev/reflect"

// reflectModels: reflection over values. A reflect.Type describes a type,
// not a value, so nothing read from it is user data (an ORM deriving a
// table or column name from a model's type sends no field of it). A
// reflect.Value holds the value it was made from: reading it gives that
// value's data, field by field where the field's name is a constant.
var reflectModels = []Model{
	{Func: "reflect.TypeOf", Flows: "", Source: srcReflect + "#TypeOf"},
	{Func: "reflect.TypeFor", Flows: "", Source: srcReflect + "#TypeFor"},
	{Func: "reflect.PointerTo", Flows: "", Source: srcReflect + "#PointerTo"},
	{Func: "reflect.PtrTo", Flows: "", Source: srcReflect + "#PtrTo"},
	{Func: "reflect.SliceOf", Flows: "", Source: srcReflect + "#SliceOf"},
	{Func: "reflect.MapOf", Flows: "", Source: srcReflect + "#MapOf"},
	{Func: "reflect.New", Flows: "", Source: srcReflect + "#New"},
	{Func: "reflect.Zero", Flows: "", Source: srcReflect + "#Zero"},
	{Func: "reflect.MakeSlice", Flows: "", Source: srcReflect + "#MakeSlice"},
	{Func: "reflect.MakeMap", Flows: "", Source: srcReflect + "#MakeMap"},
	{Func: "reflect.MakeMapWithSize", Flows: "", Source: srcReflect + "#MakeMapWithSize"},
	{Func: "reflect.DeepEqual", Flows: "", Source: srcReflect + "#DeepEqual"},
	{Func: "reflect.ValueOf", Flows: "0t->r", Source: srcReflect + "#ValueOf"},
	{Func: "reflect.Indirect", Flows: "0->r", Source: srcReflect + "#Indirect"},
	{Func: "reflect.Append", Flows: "0->r; 1+->r", Source: srcReflect + "#Append"},
	{Func: "reflect.AppendSlice", Flows: "0->r; 1->r", Source: srcReflect + "#AppendSlice"},
	{Func: "reflect.Copy", Flows: "1->0", Source: srcReflect + "#Copy"},
	// Every method of reflect.Type describes the type, so a struct tag
	// read from one is clean; a tag's text is what the tag holds.
	{Func: "(reflect.Type).*", Flows: "", Source: srcReflect + "#Type"},
	{Func: "(reflect.StructTag).Get", Flows: "0->r", Source: srcReflect + "#StructTag.Get"},
	{Func: "(reflect.StructTag).Lookup", Flows: "0->r0", Source: srcReflect + "#StructTag.Lookup"},
	{Func: "(reflect.Kind).String", Flows: "", Source: srcReflect + "#Kind.String"},
	// reflect.Value: what describes the value's type or shape carries
	// nothing; what reads the value carries it.
	{Func: "(reflect.Value).Type", Flows: "", Source: srcReflect + "#Value.Type"},
	{Func: "(reflect.Value).Kind", Flows: "", Source: srcReflect + "#Value.Kind"},
	{Func: "(reflect.Value).Len", Flows: "", Source: srcReflect + "#Value.Len"},
	{Func: "(reflect.Value).Cap", Flows: "", Source: srcReflect + "#Value.Cap"},
	{Func: "(reflect.Value).NumField", Flows: "", Source: srcReflect + "#Value.NumField"},
	{Func: "(reflect.Value).NumMethod", Flows: "", Source: srcReflect + "#Value.NumMethod"},
	{Func: "(reflect.Value).IsNil", Flows: "", Source: srcReflect + "#Value.IsNil"},
	{Func: "(reflect.Value).IsZero", Flows: "", Source: srcReflect + "#Value.IsZero"},
	{Func: "(reflect.Value).IsValid", Flows: "", Source: srcReflect + "#Value.IsValid"},
	{Func: "(reflect.Value).CanSet", Flows: "", Source: srcReflect + "#Value.CanSet"},
	{Func: "(reflect.Value).CanAddr", Flows: "", Source: srcReflect + "#Value.CanAddr"},
	{Func: "(reflect.Value).CanInterface", Flows: "", Source: srcReflect + "#Value.CanInterface"},
	{Func: "(reflect.Value).Pointer", Flows: "", Source: srcReflect + "#Value.Pointer"},       // an address, not the data there
	{Func: "(reflect.Value).UnsafeAddr", Flows: "", Source: srcReflect + "#Value.UnsafeAddr"}, // an address
	{Func: "(reflect.Value).Comparable", Flows: "", Source: srcReflect + "#Value.Comparable"},
	{Func: "(reflect.Value).Equal", Flows: "", Source: srcReflect + "#Value.Equal"},
	// A field named by a constant is that field only; any other field
	// access may be any field.
	{Func: "(reflect.Value).FieldByName", Flows: "0.$1->r", Source: srcReflect + "#Value.FieldByName"},
	{Func: "(reflect.Value).Field", Flows: "0w->r", Source: srcReflect + "#Value.Field"},
	{Func: "(reflect.Value).FieldByIndex", Flows: "0w->r", Source: srcReflect + "#Value.FieldByIndex"},
	{Func: "(reflect.Value).FieldByNameFunc", Flows: "0w->r", Source: srcReflect + "#Value.FieldByNameFunc"},
	{Func: "(reflect.Value).Set", Flows: "1->0", Source: srcReflect + "#Value.Set"},
	{Func: "(reflect.Value).SetString", Flows: "1->0", Source: srcReflect + "#Value.SetString"},
	{Func: "(reflect.Value).SetBytes", Flows: "1->0", Source: srcReflect + "#Value.SetBytes"},
	{Func: "(reflect.Value).SetMapIndex", Flows: "1->0; 2->0", Source: srcReflect + "#Value.SetMapIndex"},
	{Func: "(reflect.Value).SetPointer", Flows: "1->0", Source: srcReflect + "#Value.SetPointer"},
	{Func: "(reflect.Value).Send", Flows: "1->0", Source: srcReflect + "#Value.Send"},
	{Func: "(reflect.Value).TrySend", Flows: "1->0", Source: srcReflect + "#Value.TrySend"},
	{Func: "(*reflect.MapIter).Key", Flows: "0->r", Source: srcReflect + "#MapIter.Key"},
	{Func: "(*reflect.MapIter).Value", Flows: "0->r", Source: srcReflect + "#MapIter.Value"},
	{Func: "(reflect.Value).Call", Flows: "0->r; 1->r", Source: srcReflect + "#Value.Call"},
	{Func: "(reflect.Value).*", Flows: "0->r", Source: srcReflect + "#Value"},
}
