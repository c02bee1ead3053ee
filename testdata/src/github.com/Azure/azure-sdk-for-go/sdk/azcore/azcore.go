// Package azcore is a minimal stand-in for github.com/Azure/azure-sdk-for-go/sdk/azcore.
package azcore

type TokenCredential interface{ token() }
