// Package datagate defines the Analyzer that applies datagate's rules to
// the flows of user data found by the engine.
//
// # Analyzer datagate
//
// datagate: report user data leaving for disallowed regions
//
// User data (struct fields tagged `userdata:"category"`, or declared as
// sources in the policy) that reaches an exit of the process (an HTTP
// request, a connection, SQL, SMTP, gRPC, a policy sink) is checked
// against the policy's allowed regions and gateway, in this order:
//
//	datagate/disallowed-region    an endpoint's region is not allowed
//	datagate/gateway-bypass       a gateway is configured and the data does not go through it
//	datagate/unknown-region       an endpoint's host is known, its region is not
//	datagate/unresolved-endpoint  the destination is not known statically
//
// A flow into an exit of another package is reported at the call in this
// package that leads to it, naming the exit. `//datagate:allow <rule>
// <reason>` on the exit's line or the line above suppresses a finding; a
// directive without a reason suppresses nothing and is itself reported.
//
// Flags: -policy FILE (default: $DATAGATE_POLICY, else the nearest
// datagate.yaml, else allowed_regions [EEA]); -tests.
package datagate
