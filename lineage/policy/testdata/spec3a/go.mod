module example.com/spec3a

go 1.22
