module example.com/allkinds

go 1.26
