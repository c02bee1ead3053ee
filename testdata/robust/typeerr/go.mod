module example.com/robust/typeerr

go 1.26
