module example.com/robust/cgo

go 1.26
