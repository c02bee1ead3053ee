package api

import (
	"bytes"
	"encoding/json"
	"log"
	"net/http"
	"strconv"
)

// helpdeskImportURL is the helpdesk vendor's customer-import API, hosted in
// AWS us-west-2 (Oregon).
const helpdeskImportURL = "https://h7p2m4xq9c.execute-api.us-west-2.amazonaws.com/v2/import/customers"

type supportRecord struct {
	ExternalID string `json:"external_id"`
	Email      string `json:"email"`
	Name       string `json:"name"`
	Phone      string `json:"phone,omitempty"`
}

// handleSupportExport copies a customer's contact details to the helpdesk so
// that an agent can open a ticket on their behalf.
func (s *Server) handleSupportExport(w http.ResponseWriter, r *http.Request) {
	u, ok := s.userFromPath(w, r)
	if !ok {
		return
	}
	body, err := json.Marshal(supportRecord{ExternalID: strconv.FormatInt(u.ID, 10), Email: u.Email, Name: u.Name, Phone: u.Phone})
	if err != nil {
		internalError(w, "support export: encode", err)
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, helpdeskImportURL, bytes.NewReader(body))
	if err != nil {
		internalError(w, "support export: build request", err)
		return
	}
	req.Header.Set("Content-Type", "application/json")

	//datagate:allow disallowed-region SCC signed with vendor, DPA-2026-14
	resp, err := s.cfg.HTTP.Do(req)
	if err != nil {
		log.Printf("support export %d: %v", u.ID, err)
		http.Error(w, "helpdesk unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		log.Printf("support export %d: helpdesk answered %s", u.ID, resp.Status)
		http.Error(w, "helpdesk rejected the export", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
