// Package store keeps users and orders in memory. It backs the demo
// deployment and the integration tests; production uses PostgreSQL.
package store

import (
	"errors"
	"strings"
	"sync"
	"time"

	"example.com/shop/model"
)

var (
	// ErrNotFound is returned when no record has the requested ID.
	ErrNotFound = errors.New("store: not found")
	// ErrDuplicateEmail is returned when a user with the same e-mail exists.
	ErrDuplicateEmail = errors.New("store: email already registered")
)

// Memory is a concurrency-safe in-memory repository. It stores copies, so
// callers may modify what they pass in and what they get back.
type Memory struct {
	mu          sync.RWMutex
	lastUserID  int64
	lastOrderID int64
	users       map[int64]*model.User
	orders      map[int64]*model.Order
}

// NewMemory returns an empty repository.
func NewMemory() *Memory {
	return &Memory{users: make(map[int64]*model.User), orders: make(map[int64]*model.Order)}
}

// CreateUser stores u with a fresh ID and creation time.
func (m *Memory) CreateUser(u *model.User) (*model.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, existing := range m.users {
		if strings.EqualFold(existing.Email, u.Email) {
			return nil, ErrDuplicateEmail
		}
	}
	m.lastUserID++
	stored := *u
	stored.ID = m.lastUserID
	stored.CreatedAt = time.Now().UTC()
	m.users[stored.ID] = &stored
	out := stored
	return &out, nil
}

// User returns the user with the given ID.
func (m *Memory) User(id int64) (*model.User, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	u, ok := m.users[id]
	if !ok {
		return nil, ErrNotFound
	}
	out := *u
	return &out, nil
}

// CreateOrder stores o with a fresh ID.
func (m *Memory) CreateOrder(o *model.Order) *model.Order {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastOrderID++
	stored := *o
	stored.ID = m.lastOrderID
	m.orders[stored.ID] = &stored
	out := stored
	return &out
}
