// Package sentry is a minimal stand-in for github.com/getsentry/sentry-go.
package sentry

import "os"

type ClientOptions struct {
	Dsn         string
	Environment string
}

type Client struct{ options ClientOptions }

func NewClient(options ClientOptions) (*Client, error) {
	if options.Dsn == "" {
		options.Dsn = os.Getenv("SENTRY_DSN")
	}
	return &Client{options}, nil
}

type Scope struct {
	user User
	tags map[string]string
}

func NewScope() *Scope { return &Scope{} }

type Hub struct {
	client *Client
	scope  *Scope
}

var currentHub = &Hub{scope: NewScope()}

func CurrentHub() *Hub { return currentHub }

func NewHub(client *Client, scope *Scope) *Hub { return &Hub{client, scope} }

func Init(options ClientOptions) error {
	c, err := NewClient(options)
	currentHub.client = c
	return err
}

type User struct {
	ID        string `json:"id,omitempty"`
	Email     string `json:"email,omitempty"`
	IPAddress string `json:"ip_address,omitempty"`
	Username  string `json:"username,omitempty"`
	Name      string `json:"name,omitempty"`
}

type Event struct {
	Message string            `json:"message,omitempty"`
	Tags    map[string]string `json:"tags,omitempty"`
	User    User              `json:"user,omitempty"`
	Extra   map[string]any    `json:"extra,omitempty"`
}

type EventID string

type Breadcrumb struct {
	Message string         `json:"message,omitempty"`
	Data    map[string]any `json:"data,omitempty"`
}

type EventHint struct{}
type EventModifier interface{}

func CaptureException(exception error) *EventID { return nil }
func CaptureMessage(message string) *EventID    { return nil }
func CaptureEvent(event *Event) *EventID        { return nil }
func AddBreadcrumb(breadcrumb *Breadcrumb)      {}

func ConfigureScope(f func(scope *Scope)) { f(currentHub.scope) }
func WithScope(f func(scope *Scope))      { f(NewScope()) }

func (hub *Hub) CaptureException(exception error) *EventID { return nil }
func (hub *Hub) CaptureMessage(message string) *EventID    { return nil }
func (hub *Hub) CaptureEvent(event *Event) *EventID        { return nil }
func (hub *Hub) Scope() *Scope                             { return hub.scope }
func (hub *Hub) Clone() *Hub                               { return &Hub{hub.client, hub.scope} }

func (client *Client) CaptureMessage(message string, hint *EventHint, scope EventModifier) *EventID {
	return nil
}

func (scope *Scope) SetUser(user User)        { scope.user = user }
func (scope *Scope) SetTag(key, value string) { scope.tags[key] = value }
func (scope *Scope) SetLevel(level string)    {}
