// Package app is test data for the report package's golden files; it is
// never compiled.
package app

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"

	"example.com/demo/model"
)

const mixpanelURL = "https://api.mixpanel.com/track"

func Signup(u *model.User) {
	body, _ := json.Marshal(map[string]string{"email": u.Email})
	http.Post(mixpanelURL, "application/json", bytes.NewReader(body))
}

func Greet(u *model.User) {
	msg := "Grüße, " + u.Name + " 👋"
	http.Post(os.Getenv("HOOK_URL"), "text/plain", bytes.NewBufferString(msg))
}

func Sync(u *model.User) {
	//datagate:allow unknown-region CRM is hosted in Frankfurt, ticket PRIV-42
	http.Post("https://api.example-crm.com/v2", "text/plain", bytes.NewBufferString(u.Phone))
}

func Legacy(u *model.User) {
	//datagate:allow gateway-bypass
	http.Post("https://api.mixpanel.com/track", "text/plain", bytes.NewBufferString(u.Email))
}
