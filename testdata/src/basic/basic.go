package basic

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

type User struct {
	ID    int64
	Email string `json:"email" userdata:"contact"`
	Name  string `userdata:""`
	Nick  string `userdata:"Nick Name"` // want `invalid userdata category "Nick Name"`
}

const analytics = "https://api.mixpanel.com/track"

func direct(u *User) {
	http.Post(analytics+"?e="+u.Email, "text/plain", nil) // want `disallowed-region: User data basic.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func viaJSON(u User) {
	b, _ := json.Marshal(u)
	http.Post("https://api.eu.intercom.io/contacts", "application/json", strings.NewReader(string(b)))
}

func viaSprintf(u *User) {
	body := fmt.Sprintf("name=%s", u.Name)
	http.Post("https://api.segment.io/v1/track", "text/plain", strings.NewReader(body)) // want `disallowed-region: User data basic.User.Name \(personal\) is sent to api.segment.io in US`
}

func onlyID(u *User) {
	http.Get(fmt.Sprintf("https://api.mixpanel.com/u/%d", u.ID))
}

func lenOnly(u *User) {
	http.Get(fmt.Sprintf("https://api.mixpanel.com/u/%d", len(u.Email)))
}

func helper(url, v string) {
	http.Get(url + "?v=" + v) // want `disallowed-region: User data basic.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func callsHelper(u *User) {
	helper("https://api.mixpanel.com/x", u.Email)
}

// typeOnly formats the value's type, not the value: no data.
func typeOnly(u *User) {
	err := fmt.Errorf("unexpected %T in %p", u.Email, u)
	http.Post(analytics, "text/plain", strings.NewReader(err.Error()))
}

// typeAndValue formats both: the value's data goes.
func typeAndValue(u *User) {
	s := fmt.Sprintf("%[2]T %[1]s %*d", u.Email, u, 3, len(u.Name))
	http.Post(analytics, "text/plain", strings.NewReader(s)) // want `disallowed-region: User data basic.User.Email \(contact\)`
}
