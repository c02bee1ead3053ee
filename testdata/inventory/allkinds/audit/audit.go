// Package audit is an audit-log SDK whose transport datagate cannot see; the
// policy declares Record a sink with a fixed endpoint.
package audit

// Log records audit events.
type Log struct{ records []string }

// Record appends an event.
func (l *Log) Record(event string) { l.records = append(l.records, event) }
