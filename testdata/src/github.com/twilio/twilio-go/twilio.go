// Package twilio is a minimal stand-in for github.com/twilio/twilio-go.
package twilio

import (
	"os"

	Api "github.com/twilio/twilio-go/rest/api/v2010"
)

type RequestHandler struct {
	Edge, Region string
}

type RestClient struct {
	*RequestHandler
	Api *Api.ApiService
}

type ClientParams struct {
	Username, Password string
}

func NewRestClientWithParams(params ClientParams) *RestClient {
	h := &RequestHandler{Edge: os.Getenv("TWILIO_EDGE"), Region: os.Getenv("TWILIO_REGION")}
	return &RestClient{RequestHandler: h, Api: Api.NewApiService()}
}

func NewRestClient() *RestClient { return NewRestClientWithParams(ClientParams{}) }

func (c *RestClient) SetEdge(edge string)     { c.RequestHandler.Edge = edge }
func (c *RestClient) SetRegion(region string) { c.RequestHandler.Region = region }
