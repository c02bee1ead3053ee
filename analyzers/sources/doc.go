// Package sources defines an Analyzer that finds user data: struct fields
// tagged `userdata:"category"` and the fields, types and functions that the
// policy declares as sources.
//
// # Analyzer datagatesources
//
// datagatesources: find the fields and types that hold user data
//
// A field tagged `userdata:"contact"` holds user data of category contact;
// an empty tag value means category personal. A field of struct type, a
// pointer, a slice, a map or an array so tagged makes everything inside it
// user data. A named type holds user data as a whole when any of its fields
// does, directly or through fields, pointers, slices, maps and arrays.
//
// The analyzer exports a FieldFact for each user-data field declared in the
// package and a TypeFact for each named type that holds user data, so that
// packages further up the import graph (and tests) see the same answer. Its
// Result answers the same questions for any type the package can name,
// including types of packages analysed without facts.
package sources
