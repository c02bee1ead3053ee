// Package streams checks the websocket and Kafka exits of the tables.
package streams

import (
	"context"

	"github.com/gorilla/websocket"
	"github.com/segmentio/kafka-go"
)

type User struct {
	Email string `json:"email" userdata:"contact"`
}

func ws(u *User) error {
	c, _, err := websocket.DefaultDialer.Dial("wss://stream.pusherapp.com/app/key", nil)
	if err != nil {
		return err
	}
	return c.WriteMessage(websocket.TextMessage, []byte(u.Email)) // want `unknown-region: User data streams.User.Email \(contact\) is sent to stream.pusherapp.com in an unknown region`
}

func wsJSON(u *User) error {
	c, _, err := websocket.DefaultDialer.Dial("wss://events.svc.cluster.local/ws", nil)
	if err != nil {
		return err
	}
	return c.WriteJSON(u)
}

func produce(ctx context.Context, u *User) error {
	w := &kafka.Writer{Addr: kafka.TCP("b-1.msk.us-east-1.amazonaws.com:9092"), Topic: "signups"}
	return w.WriteMessages(ctx, kafka.Message{Value: []byte(u.Email)}) // want `disallowed-region: User data streams.User.Email \(contact\) is sent to b-1.msk.us-east-1.amazonaws.com in US`
}

func produceInternal(ctx context.Context, u *User) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka.internal:9092"), Topic: "signups"}
	return w.WriteMessages(ctx, kafka.Message{Value: []byte(u.Email)})
}
