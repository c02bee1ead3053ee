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
// against the policy's allowed regions and gateway. Each exit gets at most
// the first of these rules that applies (the list is lineage/rules' table,
// which internal/hygiene checks it against):
//
//   - datagate/disallowed-region (error): an endpoint's region is outside allowed_regions
//   - datagate/gateway-bypass (error): a gateway is configured, the exit is not through it, and an endpoint is not known to be internal (unresolved endpoints and hosts of unknown region included)
//   - datagate/unknown-region (warning): an endpoint's host is known but its region is not
//   - datagate/unresolved-endpoint (warning): the destination cannot be determined statically
//   - datagate/invalid-suppression (warning): a //datagate:allow directive is malformed (no rule, unknown rule, no reason, bad date) or has expired, and so suppresses nothing
//
// A flow into an exit of another package is reported at the call in this
// package that leads to it, naming the exit. `//datagate:allow <rule>
// <reason>` on the exit's line or the line above suppresses a finding; a
// directive without a reason suppresses nothing and is itself reported.
//
// Flags: -policy FILE (default: $DATAGATE_POLICY, else the nearest
// datagate.yaml, else allowed_regions [EEA]); -tests.
package datagate
