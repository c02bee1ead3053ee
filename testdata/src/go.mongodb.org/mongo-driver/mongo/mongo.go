// Package mongo is a minimal stand-in for go.mongodb.org/mongo-driver/mongo.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}

type Database struct{ c *Client }

func (c *Client) Database(name string) *Database { return &Database{c} }

type Collection struct{ db *Database }

func (db *Database) Collection(name string) *Collection { return &Collection{db} }

type InsertOneResult struct{}
type UpdateResult struct{}

func (coll *Collection) InsertOne(ctx context.Context, document interface{}, opts ...*options.InsertOneOptions) (*InsertOneResult, error) {
	return &InsertOneResult{}, nil
}

func (coll *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{}) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}
