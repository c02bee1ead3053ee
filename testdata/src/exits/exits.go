// Package exits checks each kind of built-in exit: net/http, net, net/smtp,
// database/sql; and what is not an exit (answering the caller, logging).
package exits

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/smtp"
	"net/url"
	"strings"
)

type User struct {
	Email string `json:"email" userdata:"contact"`
	Name  string `json:"name" userdata:""`
}

const us = "https://api.mixpanel.com"

func httpFuncs(u *User) {
	http.Get(us + "/a?e=" + url.QueryEscape(u.Email))                         // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
	http.PostForm(us+"/b", url.Values{"email": {u.Email}})                    // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
	http.DefaultClient.Post(us+"/c", "text/plain", strings.NewReader(u.Name)) // want `disallowed-region: User data exits.User.Name \(personal\) is sent to api.mixpanel.com in US`
	(&http.Client{}).Get(us + "/d/" + u.Email)                                // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func request(u *User) error {
	req, err := http.NewRequest("POST", us+"/e", nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-User", u.Email)
	_, err = http.DefaultClient.Do(req) // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
	return err
}

func query(u *User) {
	q := url.Values{}
	q.Set("email", u.Email)
	http.Get(us + "/f?" + q.Encode()) // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func transport(u *User, rt http.RoundTripper) {
	req, _ := http.NewRequest("GET", us+"/g", strings.NewReader(u.Email))
	rt.RoundTrip(req) // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func rawConn(u *User) {
	c, err := net.Dial("tcp", "api.mixpanel.com:9000")
	if err != nil {
		return
	}
	fmt.Fprintf(c, "%s\n", u.Email) // want `disallowed-region: User data exits.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func mail(u *User) {
	smtp.SendMail("smtp.mailgun.org:587", nil, "noreply@example.com", []string{u.Email}, []byte("hi")) // want `disallowed-region: User data exits.User.Email \(contact\) is sent to smtp.mailgun.org in US`
}

func mailEU(u *User) {
	smtp.SendMail("smtp.eu.mailgun.org:587", nil, "noreply@example.com", []string{u.Email}, []byte("hi"))
}

func database(u *User) error {
	db, err := sql.Open("postgres", "postgres://app:pw@db.eu-west-2.rds.amazonaws.com:5432/users")
	if err != nil {
		return err
	}
	_, err = db.Exec("INSERT INTO users(email) VALUES($1)", u.Email) // want `disallowed-region: User data exits.User.Email \(contact\) is sent to db.eu-west-2.rds.amazonaws.com in GB`
	return err
}

func databaseMySQL(u *User) error {
	db, err := sql.Open("mysql", "app:pw@tcp(10.1.2.3:3306)/users")
	if err != nil {
		return err
	}
	stmt, err := db.Prepare("INSERT INTO users(email) VALUES(?)")
	if err != nil {
		return err
	}
	_, err = stmt.Exec(u.Email)
	return err
}

func notExits(w http.ResponseWriter, u *User) {
	log.Printf("signup %s", u.Email)
	json.NewEncoder(w).Encode(u)
	w.Write([]byte(u.Email))
	fmt.Println(u.Email)
}
