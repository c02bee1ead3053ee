module example.com/prune

go 1.26

require example.org/dep v1.0.0
