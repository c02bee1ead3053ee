module example.com/robust/asm

go 1.26
