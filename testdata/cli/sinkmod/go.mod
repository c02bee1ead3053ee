module example.com/sinkmod

go 1.26
