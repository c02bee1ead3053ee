package people

import "time"

// Order is a checkout.
type Order struct {
	ID          string
	UserEmail   string
	BillingName string
	ShipTo      Address
	Items       []string
	CouponCode  string
	IPAddress   string
	PlacedAt    time.Time
}

// BankAccount is a customer's account.
type BankAccount struct {
	Owner    string
	Number   string
	BIC      string
	Balance  int64
	Currency string
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	Actor    string
	Action   string
	SourceIP string
	At       time.Time
}

// GeoConfig configures the map service.
type GeoConfig struct {
	DefaultLat float64
	DefaultLng float64
	APIKey     string
}

// Patient is a hospital patient.
type Patient struct {
	MRN                   string
	Name                  string
	DateOfBirth           time.Time
	Diagnosis             string
	Ward                  string
	EmergencyContactPhone string
}

// Webhook is a registered callback.
type Webhook struct {
	URL     string
	Secret  string
	Email   string
	Enabled bool
}

// Invoice is a bill to a customer.
type Invoice struct {
	Number       string
	CustomerName string
	VATNumber    string
	Street       string
	Zip          string
	Total        int64
}

// PixelEvent is a tracking pixel hit.
type PixelEvent struct {
	IDFV     string
	AdID     string
	Campaign string
}

// Node is a cluster node.
type Node struct {
	Hostname   string
	InternalIP string
	ExternalIP string
	Zone       string
}

// Candidate applies for a job.
type Candidate struct {
	Name        string
	Email       string
	CVURL       string
	LinkedIn    string
	Nationality string
}
