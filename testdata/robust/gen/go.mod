module example.com/robust/gen

go 1.26
