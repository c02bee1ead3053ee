package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"

	"example.com/shop/model"
	"example.com/shop/store"
)

const (
	// fraudScoreURL is the fraud-screening vendor's scoring API (US).
	fraudScoreURL = "https://api.fraudcheck.example.com/v1/score"
	// shippingLabelsURL is the carrier's label API (US). It is reached
	// through the egress gateway, never directly.
	shippingLabelsURL = "https://api.shipfast.example.com/v1/labels"

	// maxFraudScore is the highest score at which an order is accepted.
	maxFraudScore = 0.8
)

type fraudRequest struct {
	UserID     int64  `json:"user_id"`
	TotalCents int64  `json:"total_cents"`
	City       string `json:"city"`
}

type fraudResponse struct {
	Score float64 `json:"score"`
}

type shippingLabel struct {
	Reference string        `json:"reference"`
	Recipient string        `json:"recipient"`
	Address   model.Address `json:"address"`
}

// handleCreateOrder screens an order for fraud, stores it and books the
// shipping label.
func (s *Server) handleCreateOrder(w http.ResponseWriter, r *http.Request) {
	var o model.Order
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&o); err != nil {
		http.Error(w, "invalid JSON body", http.StatusBadRequest)
		return
	}
	if o.Total <= 0 || o.ShippingAddress.City == "" || o.ShippingAddress.Country == "" {
		http.Error(w, "total and shipping address are required", http.StatusBadRequest)
		return
	}
	u, err := s.cfg.Store.User(o.UserID)
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "unknown user", http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		internalError(w, "order: load user", err)
		return
	}

	score, err := s.fraudScore(&o)
	if err != nil {
		log.Printf("order: %v", err)
		http.Error(w, "fraud screening unavailable", http.StatusServiceUnavailable)
		return
	}
	if score > maxFraudScore {
		http.Error(w, "order rejected", http.StatusUnprocessableEntity)
		return
	}

	created := s.cfg.Store.CreateOrder(&o)
	if err := s.requestShippingLabel(r.Context(), u, created); err != nil {
		log.Printf("order %d: %v", created.ID, err)
	}
	writeJSON(w, http.StatusCreated, created)
}

// fraudScore asks the fraud-screening vendor how risky the order is.
func (s *Server) fraudScore(o *model.Order) (float64, error) {
	body, err := json.Marshal(fraudRequest{UserID: o.UserID, TotalCents: o.Total, City: o.ShippingAddress.City})
	if err != nil {
		return 0, fmt.Errorf("fraud check: encode: %w", err)
	}
	resp, err := s.cfg.HTTP.Post(fraudScoreURL, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("fraud check: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("fraud check: unexpected status %s", resp.Status)
	}
	var fr fraudResponse
	if err := json.NewDecoder(resp.Body).Decode(&fr); err != nil {
		return 0, fmt.Errorf("fraud check: decode response: %w", err)
	}
	return fr.Score, nil
}

// requestShippingLabel books a label with the carrier. The carrier is outside
// the EEA, so the request goes through the egress gateway.
func (s *Server) requestShippingLabel(ctx context.Context, u *model.User, o *model.Order) error {
	payload, err := json.Marshal(shippingLabel{Reference: fmt.Sprintf("order-%d", o.ID), Recipient: u.Name, Address: o.ShippingAddress})
	if err != nil {
		return fmt.Errorf("shipping label: encode: %w", err)
	}
	if err := s.cfg.Gateway.Send(ctx, shippingLabelsURL, payload); err != nil {
		return fmt.Errorf("shipping label: %w", err)
	}
	return nil
}
