module example.com/robust/modern

go 1.26
