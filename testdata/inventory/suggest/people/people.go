// Package people is the labelled set for datagate suggest: realistic
// structs whose fields are or are not personal data. The labels are in
// internal/cli/suggest_test.go; no field here carries a userdata tag, so
// that every field is judged.
package people

import (
	"net"
	"net/netip"
	"time"
)

// User is a registered user.
type User struct {
	ID            int64     `json:"id"`
	Email         string    `json:"email"`
	EmailVerified bool      `json:"email_verified"`
	FirstName     string    `json:"first_name"`
	LastName      string    `json:"last_name"`
	Name          string    `json:"name"`
	Phone         string    `json:"phone"`
	BirthDate     time.Time `json:"birth_date"`
	LastLoginIP   net.IP    `json:"last_login_ip"`
	CreatedAt     time.Time `json:"created_at"`
	PasswordHash  string    `json:"-"`
	Role          string    `json:"role"`
	AvatarURL     string    `json:"avatar_url"`
	Locale        string    `json:"locale"`
}

// Customer is a shop customer.
type Customer struct {
	CustomerID   string
	FullName     string
	MobileNumber string
	HomeAddress  string
	PostalCode   string
	City         string
	Country      string
	DOB          string
	SSN          string
	IBAN         string
	CardNumber   string
	Notes        string
}

// Product is an article in the catalogue.
type Product struct {
	Name        string
	SKU         string
	Description string
	Price       float64
	Weight      float64
}

// File is a stored upload.
type File struct {
	Name    string
	Size    int64
	ModTime time.Time
	Path    string
}

// ServerConfig configures the HTTP server.
type ServerConfig struct {
	Host       string
	Addr       string
	ListenIP   string
	Name       string
	AdminEmail string
	Timezone   *time.Location
}

// Device is a phone or tablet a user signed in from.
type Device struct {
	DeviceID      string
	IDFA          string
	AdvertisingID string
	Name          string
	OSVersion     string
	MACAddress    string
	PushToken     string
}

// Session is a signed-in session.
type Session struct {
	Token     string
	ClientIP  netip.Addr
	UserAgent string
	ExpiresAt time.Time
}

// Store is a physical shop.
type Store struct {
	Name      string
	Latitude  float64
	Longitude float64
	City      string
	Street    string
	Phone     string
}

// CheckinEvent records where a user checked in.
type CheckinEvent struct {
	UserID    int64
	Lat       float64
	Lng       float64
	Timestamp time.Time
}

// Payment is a card payment.
type Payment struct {
	Amount         int64
	Currency       string
	CardHolderName string
	CVV            string
	AccountNumber  string
	Reference      string
}

// Employee is a member of staff.
type Employee struct {
	Name             string
	PassportNumber   string
	TaxID            string
	NationalIDNumber string
	Department       string
	Manager          *Employee
	Salary           int64
	StartDate        time.Time
}

// Shipment is a parcel on its way.
type Shipment struct {
	TrackingNumber  string
	Recipient       string
	DeliveryAddress Address
	Weight          float64
}

// Address is a postal address.
type Address struct {
	Street  string
	ZipCode string
	City    string
	Country string
}

// Host is a machine in the fleet.
type Host struct {
	Name string
	IP   net.IP
	Port int
}

// Team is a group of engineers.
type Team struct {
	Name  string
	Slack string
}

// Contact is an address-book entry.
type Contact struct {
	Name  string
	Email string
	Phone string
}

// Listing is a classified ad.
type Listing struct {
	Title    string
	Location string
	Price    int
}

// Profile is what a user shows others.
type Profile struct {
	DisplayName string
	Bio         string
	Gender      string
	Website     string
}

// Visit is one page view.
type Visit struct {
	RemoteAddr string
	Path       string
	Referrer   string
}

// MailConfig configures outgoing mail.
type MailConfig struct {
	SMTPAddr   string
	FromEmail  string
	ReplyEmail string
}

// Message is an e-mail to send.
type Message struct {
	Subject       string
	Body          string
	EmailTemplate string
	SenderEmail   string
}

// signupRequest is the JSON body of POST /signup.
type signupRequest struct {
	Mail     string `json:"email"`
	Pass     string `json:"password"`
	Birthday string `json:"birthday"`
}
