package api

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"

	"example.com/shop/model"
	"example.com/shop/store"
)

// handleSignup registers a user, then tells analytics, the CRM, the mail
// relay and (for referred sign-ups) the referral partner. Failures of those
// side effects are logged; the account exists either way. Passwords are set
// later through the auth service, which owns PasswordHash.
func (s *Server) handleSignup(w http.ResponseWriter, r *http.Request) {
	var u model.User
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&u); err != nil {
		http.Error(w, "invalid JSON body", http.StatusBadRequest)
		return
	}
	if !strings.Contains(u.Email, "@") {
		http.Error(w, "a valid email is required", http.StatusBadRequest)
		return
	}

	created, err := s.cfg.Store.CreateUser(&u)
	if errors.Is(err, store.ErrDuplicateEmail) {
		http.Error(w, "email already registered", http.StatusConflict)
		return
	}
	if err != nil {
		internalError(w, "signup", err)
		return
	}
	log.Printf("signup: created user %d <%s>", created.ID, created.Email)

	props := map[string]string{"distinct_id": strconv.FormatInt(created.ID, 10), "email": created.Email, "plan": "free"}
	if err := s.cfg.Analytics.Track("signup", props); err != nil {
		log.Printf("signup: %v", err)
	}
	if err := s.cfg.CRM.SyncContact(r.Context(), created); err != nil {
		log.Printf("signup: %v", err)
	}
	if err := s.cfg.Mailer.SendWelcome(created); err != nil {
		log.Printf("signup: %v", err)
	}
	if code := r.URL.Query().Get("ref"); code != "" {
		if err := s.reportReferral(code, created); err != nil {
			log.Printf("signup: %v", err)
		}
	}
	writeJSON(w, http.StatusCreated, created)
}

// handleGetUser returns the user's profile to the caller.
func (s *Server) handleGetUser(w http.ResponseWriter, r *http.Request) {
	u, ok := s.userFromPath(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(u); err != nil {
		log.Printf("get user %d: write response: %v", u.ID, err)
	}
}
