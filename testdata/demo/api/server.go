// Package api serves the shop's HTTP API and wires the domain to the
// services it depends on.
package api

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"

	"example.com/shop/analytics"
	"example.com/shop/crm"
	"example.com/shop/gateway"
	"example.com/shop/mailer"
	"example.com/shop/model"
	"example.com/shop/store"
)

// Config holds the server's dependencies.
type Config struct {
	Store     *store.Memory
	Analytics *analytics.Client
	CRM       *crm.Client
	Mailer    *mailer.Mailer
	Gateway   *gateway.Client
	// HTTP is used for the partner APIs that the server calls itself.
	HTTP *http.Client
}

// Server implements the HTTP API.
type Server struct {
	cfg Config
}

// NewServer returns a server using the given dependencies.
func NewServer(cfg Config) *Server {
	return &Server{cfg: cfg}
}

// Routes returns the API's handler. The /admin routes are reachable only
// through the back-office ingress, which authenticates support staff.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /signup", s.handleSignup)
	mux.HandleFunc("GET /users/{id}", s.handleGetUser)
	mux.HandleFunc("POST /orders", s.handleCreateOrder)
	mux.HandleFunc("POST /admin/users/{id}/support-export", s.handleSupportExport)
	return mux
}

// writeJSON answers the caller with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("api: write response: %v", err)
	}
}

// internalError logs err and answers the caller with a generic 500.
func internalError(w http.ResponseWriter, what string, err error) {
	log.Printf("api: %s: %v", what, err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// userFromPath loads the user named by the {id} path segment. When it
// returns false it has already answered the caller.
func (s *Server) userFromPath(w http.ResponseWriter, r *http.Request) (*model.User, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "invalid user id", http.StatusBadRequest)
		return nil, false
	}
	u, err := s.cfg.Store.User(id)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return nil, false
	}
	if err != nil {
		internalError(w, "load user", err)
		return nil, false
	}
	return u, true
}
