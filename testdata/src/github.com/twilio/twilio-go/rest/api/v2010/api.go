// Package openapi is a minimal stand-in for github.com/twilio/twilio-go/rest/api/v2010.
package openapi

type ApiService struct{ baseURL string }

func NewApiService() *ApiService { return &ApiService{baseURL: "https://api.twilio.com"} }

type CreateMessageParams struct {
	To   *string
	From *string
	Body *string
}

func (params *CreateMessageParams) SetTo(To string) *CreateMessageParams {
	params.To = &To
	return params
}

func (params *CreateMessageParams) SetBody(Body string) *CreateMessageParams {
	params.Body = &Body
	return params
}

type ApiV2010Message struct{ Sid *string }

func (c *ApiService) CreateMessage(params *CreateMessageParams) (*ApiV2010Message, error) {
	return &ApiV2010Message{}, nil
}
