// Package app calls a gRPC service through a generated client: the exit is
// the generated code's Invoke, reported at the call in hand-written code.
package app

import (
	"context"

	"google.golang.org/grpc"
	"rpc/pb"
)

type User struct {
	Email string `userdata:"contact"`
}

func register(ctx context.Context, u *User) error {
	cc, err := grpc.NewClient("dns:///users.us-east-1.amazonaws.com:443")
	if err != nil {
		return err
	}
	client := pb.NewUsersClient(cc)
	_, err = client.CreateUser(ctx, &pb.CreateUserRequest{Email: u.Email}) // want `disallowed-region: User data app.User.Email \(contact\) is sent to users.us-east-1.amazonaws.com in US.*\(exit at ../pb/users.pb.go:32\)`
	return err
}

func registerEU(ctx context.Context, u *User) error {
	cc, err := grpc.NewClient("users.svc.cluster.local:443")
	if err != nil {
		return err
	}
	_, err = pb.NewUsersClient(cc).CreateUser(ctx, &pb.CreateUserRequest{Email: u.Email})
	return err
}
